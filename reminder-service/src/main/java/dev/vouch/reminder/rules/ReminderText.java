package dev.vouch.reminder.rules;

import dev.vouch.events.LetterStatus;
import dev.vouch.events.LetterPurpose;
import dev.vouch.events.Material;
import dev.vouch.reminder.projection.Letter;
import dev.vouch.reminder.projection.Mentor;
import dev.vouch.reminder.projection.Target;
import dev.vouch.events.CoverageGap;
import dev.vouch.events.CoverageGapKind;
import dev.vouch.events.Deadlines;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The words of a reminder: a short title for a notification and a message saying what to do, naming the
 * mentor, the letter's purpose and the days left, e.g. "Dr. Rivera has not confirmed your residency letter
 * due in 7 days: send a polite follow-up". Rendered as of a moment (when the reminder fires, or when it will
 * be due), so the days counted are the days the student sees. Until a mentor's own events arrive, the mentor
 * is "your mentor".
 */
public final class ReminderText {

    static final String UNKNOWN_MENTOR = "your mentor";

    private final ReminderPolicy policy;

    public ReminderText(ReminderPolicy policy) {
        this.policy = policy;
    }

    public record Text(String title, String message) {
    }

    public Text render(Verdict verdict, Letter letter, Mentor mentor, Instant asOf) {
        String who = mentorName(mentor);
        String Who = capitalized(who);
        String letterName = letterName(letter);
        return switch (verdict.kind()) {
            case ASK_EARLY -> ReminderIds.SHORT_NOTICE.equals(verdict.variant())
                    ? new Text("Short notice for " + who,
                    "You asked " + who + " for " + letterName + " with only " + days(daysLeft(letter.requestedAt(),
                            letter.deadline())) + " to go: share every material at once and follow up early. "
                            + "Next time ask at least a month ahead.")
                    : new Text("Time to ask " + who + " for " + letterName,
                    capitalized(letterName) + " is " + dueIn(letter, asOf) + " and you have not asked " + who
                            + " yet. Writers need four to eight weeks: ask this week.");
            case NO_RESPONSE -> new Text("No reply from " + who + " yet",
                    "You asked " + who + " for " + letterName + " " + days(daysBetween(letter.requestedAt(), asOf))
                            + " ago and have not heard back. A short, polite follow-up is appropriate now; the letter is "
                            + dueIn(letter, asOf) + ".");
            case MISSING_MATERIALS -> {
                String missing = materials(letter);
                String them = missing.contains(" and ") || missing.equals("materials") ? "them" : "it";
                yield new Text("Send " + who + " your " + missing,
                        Who + " does not have your " + missing + " for " + letterName + " " + dueIn(letter, asOf)
                                + ": share " + them + " so they can start writing.");
            }
            case DEADLINE_APPROACHING -> new Text(capitalized(purposeWord(letter)) + " letter " + dueIn(letter, asOf),
                    deadlineMessage(letter, who, letterName, asOf));
            case OVERDUE -> new Text(capitalized(letterName) + " from " + who + " is overdue",
                    capitalized(letterName) + " from " + who + " " + overdueBy(letter, asOf)
                            + " and is not submitted. Contact " + who
                            + " and the program today; your advisor has been told.");
            case THANK_YOU -> new Text("Thank " + who,
                    Who + " submitted " + letterName + ". Send a thank-you note and log it as a THANK_YOU contact.");
            case STAY_IN_TOUCH -> new Text("Stay in touch with " + who,
                    "You have not been in touch with " + who + " for "
                            + days(mentor == null ? 0 : daysBetween(mentor.lastTouch(), asOf))
                            + ". Send a short update on your progress.");
            case COVERAGE_GAP -> render(verdict, (Target) null, asOf);
        };
    }

    /** The words of a COVERAGE_GAP reminder about {@code target}. */
    public Text render(Verdict verdict, Target target, Instant asOf) {
        String name = target == null || target.name() == null ? "a programme" : target.name();
        String when = dueIn(verdict.deadline(), asOf);
        CoverageGap gap = target == null ? null : target.gaps().stream()
                .filter(g -> verdict.reminderId().endsWith(":" + CoverageGapRule.gapKey(g))).findFirst().orElse(null);
        String gapKey = ReminderIds.parse(verdict.reminderId()).gap();
        if (gapKey != null && gapKey.startsWith(CoverageGapKind.REQUIRED_KIND_MISSING.name())) {
            String kind = gapKey.substring(gapKey.indexOf('-') + 1).toLowerCase(java.util.Locale.ROOT);
            return new Text(name + " needs a " + kind + " letter",
                    name + " is " + when + " and no " + kind + " letter is on its way: ask for one now.");
        }
        if (CoverageGapKind.OVER_CAP.name().equals(gapKey)) {
            return new Text(name + " has more letters than it accepts",
                    name + " is " + when + (gap == null ? "" : " and has " + gap.actual() + " letters assigned for "
                            + gap.expected() + " places") + ": unassign the weakest before you submit, or the "
                            + "system will drop one for you.");
        }
        if (CoverageGapKind.WRITER_DECLINED.name().equals(gapKey)) {
            return new Text("Replace a declined letter for " + name,
                    "A writer declined a letter for " + name + ", which is " + when + ". Ask someone else this week.");
        }
        return new Text(name + ": " + (gap == null ? "too few" : gap.actual() + " of " + gap.expected())
                + " letters on track",
                name + " is " + when + " and " + (gap == null ? "too few letters are" : "only " + gap.actual() + " of the "
                        + gap.expected() + " letters it needs " + (gap.actual() == 1 ? "is" : "are"))
                        + " requested, accepted or submitted. Ask another writer now.");
    }

    private static String deadlineMessage(Letter letter, String who, String letterName, Instant asOf) {
        String due = dueIn(letter, asOf);
        if (letter.status() == LetterStatus.PLANNED) {
            return "You have not asked " + who + " for " + letterName + " " + due + " yet: ask today and share your materials.";
        }
        if (letter.status() == LetterStatus.ACCEPTED) {
            return capitalized(who) + " agreed to write " + letterName + " " + due
                    + ": a short, friendly check-in helps it arrive on time.";
        }
        return capitalized(who) + " has not confirmed " + letterName + " " + due + ": send a polite follow-up";
    }

    static String mentorName(Mentor mentor) {
        return mentor != null && mentor.known() && mentor.name() != null && !mentor.name().isBlank()
                ? mentor.name() : UNKNOWN_MENTOR;
    }

    private static String letterName(Letter letter) {
        String purpose = purposeWord(letter);
        return "your " + (purpose.isEmpty() ? "" : purpose + " ") + "letter";
    }

    private static String purposeWord(Letter letter) {
        LetterPurpose purpose = letter == null ? null : letter.purpose();
        if (purpose == null) {
            return "";
        }
        return switch (purpose) {
            case MEDICAL_SCHOOL -> "medical school";
            case RESIDENCY -> "residency";
            case FELLOWSHIP -> "fellowship";
            case SCHOLARSHIP -> "scholarship";
            case RESEARCH -> "research";
            case OTHER -> "";
        };
    }

    /**
     * "due in 7 days", "due in 1 day", "due today": whole days left rounded down, as every view counts them
     * ({@link Deadlines}), so a letter 4 days and 3 hours out is "due in 4 days" here and {@code daysLeft: 4} there.
     */
    static String dueIn(Letter letter, Instant asOf) {
        return dueIn(letter == null ? null : letter.deadline(), asOf);
    }

    static String dueIn(Instant deadline, Instant asOf) {
        if (deadline == null) {
            return "due soon";
        }
        if (!deadline.isAfter(asOf)) {
            return "past its deadline";
        }
        long days = Deadlines.daysLeft(asOf, deadline);
        return days <= 0 ? "due today" : "due in " + days(days);
    }

    private static String overdueBy(Letter letter, Instant asOf) {
        long days = letter.deadline() == null ? 0 : Duration.between(letter.deadline(), asOf).toDays();
        return days <= 0 ? "was due today" : "was due " + days(days) + " ago";
    }

    private String materials(Letter letter) {
        Set<Material> missing = EnumSet.noneOf(Material.class);
        missing.addAll(policy.requiredMaterials());
        if (letter != null) {
            missing.removeAll(letter.materials());
        }
        if (missing.isEmpty()) {
            return "materials";
        }
        List<String> names = missing.stream().map(ReminderText::materialName).toList();
        if (names.size() == 1) {
            return names.get(0);
        }
        return names.subList(0, names.size() - 1).stream().collect(Collectors.joining(", "))
                + " and " + names.get(names.size() - 1);
    }

    private static String materialName(Material material) {
        return switch (material) {
            case PERSONAL_STATEMENT -> "personal statement";
            case CV -> "CV";
            case TRANSCRIPT -> "transcript";
            case HIGHLIGHTS -> "highlights";
            case SUBMISSION_INSTRUCTIONS -> "submission instructions";
            case REQUEST_FORM -> "request form";
        };
    }

    private static long daysBetween(Instant from, Instant to) {
        if (from == null || to == null || to.isBefore(from)) {
            return 0;
        }
        return Duration.between(from, to).toDays();
    }

    private static long daysLeft(Instant from, Instant deadline) {
        return from == null || deadline == null ? 0 : Math.max(0, Deadlines.daysLeft(from, deadline));
    }

    private static String days(long days) {
        return days == 1 ? "1 day" : days + " days";
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
