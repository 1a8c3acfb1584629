package dev.vouch.reminder.lifecycle;

import dev.vouch.events.ReminderKind;
import dev.vouch.events.ReminderResolution;
import dev.vouch.reminder.projection.Letter;
import dev.vouch.reminder.projection.Mentor;
import dev.vouch.reminder.projection.Target;
import dev.vouch.reminder.rules.ReminderRules;
import dev.vouch.reminder.rules.ReminderText;
import dev.vouch.reminder.rules.Verdict;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A student's reminders as the API shows them: every stored reminder (they have all fired at least once), plus
 * the ones coming up, which are not stored but follow from the rules' verdicts on the student's letters and
 * mentors. A stored reminder whose new cycle has not fired yet shows as coming up again. Pure.
 */
public final class ReminderAgenda {

    private ReminderAgenda() {
    }

    /**
     * One reminder in the list.
     *
     * @param due        false for a reminder coming up (not fired yet in its current cycle): nothing to act on yet
     * @param resolution why it closed, for DONE, DISMISSED and RESOLVED
     */
    public record Item(String id, ReminderKind kind, ReminderState state, boolean due, String letterId,
                       String mentorId, Integer daysBefore, Instant dueAt, Instant firedAt, Instant snoozedUntil,
                       Instant closedAt, ReminderResolution resolution, String title, String message,
                       boolean escalateToAdvisor, Long version) {

        /** When it is (or was) next due: the end of a snooze for a snoozed reminder, else its due time. */
        public Instant nextDueAt() {
            return state == ReminderState.SNOOZED && snoozedUntil != null ? snoozedUntil : dueAt;
        }

        public static Item stored(StoredReminder stored) {
            ReminderFacts doc = stored.facts();
            ReminderState state = doc.state();
            ReminderResolution resolution = switch (state) {
                case DONE, DISMISSED -> doc.closedAs();
                case RESOLVED -> ReminderResolution.CONDITION_CLEARED;
                default -> null;
            };
            return new Item(doc.id(), doc.kind(), state, true, doc.letterId(), doc.mentorId(),
                    doc.daysBefore(), doc.dueAt(), doc.firedAt(),
                    state == ReminderState.SNOOZED ? doc.snoozedUntil() : null,
                    state == ReminderState.DONE || state == ReminderState.DISMISSED ? doc.closedAt() : null,
                    resolution, doc.title(), doc.message(), doc.escalateToAdvisor(), stored.version());
        }

        static Item upcoming(Verdict verdict, ReminderText.Text text, StoredReminder previous) {
            return new Item(verdict.reminderId(), verdict.kind(), ReminderState.UPCOMING, false, verdict.letterId(),
                    verdict.mentorId(), verdict.daysBefore(), verdict.dueAt(),
                    previous == null ? null : previous.facts().firedAt(), null, null, null, text.title(),
                    text.message(), verdict.escalateToAdvisor(), previous == null ? null : previous.version());
        }
    }

    public static List<Item> of(Collection<Letter> letters, Map<String, Mentor> mentors, Map<String, StoredReminder> docs,
                                ReminderRules rules, Instant now) {
        return of(letters, mentors, List.of(), docs, rules, now);
    }

    public static List<Item> of(Collection<Letter> letters, Map<String, Mentor> mentors, Collection<Target> targets,
                                Map<String, StoredReminder> docs, ReminderRules rules, Instant now) {
        ReminderText text = new ReminderText(rules.policy());
        List<Item> items = new ArrayList<>();
        Set<String> shown = new HashSet<>();
        for (Letter letter : letters) {
            Mentor mentor = letter.mentorId() == null ? null : mentors.get(letter.mentorId());
            List<Verdict> verdicts = rules.forLetter(letter, mentor);
            if (verdicts != null) {
                verdicts.forEach(verdict -> add(items, shown, verdict, docs.get(verdict.reminderId()),
                        asOf -> text.render(verdict, letter, mentor, asOf), now));
            }
        }
        for (Mentor mentor : mentors.values()) {
            List<Verdict> verdicts = rules.forMentor(mentor);
            if (verdicts != null) {
                verdicts.forEach(verdict -> add(items, shown, verdict, docs.get(verdict.reminderId()),
                        asOf -> text.render(verdict, null, mentor, asOf), now));
            }
        }
        for (Target target : targets) {
            List<Verdict> verdicts = rules.forTarget(target);
            if (verdicts != null) {
                verdicts.forEach(verdict -> add(items, shown, verdict, docs.get(verdict.reminderId()),
                        asOf -> text.render(verdict, target, asOf), now));
            }
        }
        docs.forEach((id, doc) -> {
            if (!shown.contains(id)) {
                items.add(Item.stored(doc));
            }
        });
        items.sort(Comparator.comparing(Item::nextDueAt, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Item::id));
        return items;
    }

    private interface Words {
        ReminderText.Text at(Instant asOf);
    }

    private static void add(List<Item> items, Set<String> shown, Verdict verdict, StoredReminder doc, Words words,
                            Instant now) {
        if (doc != null && !isComingUpAgain(verdict, doc)) {
            items.add(Item.stored(doc));
            shown.add(doc.id());
            return;
        }
        if (verdict.isActive()) {
            Instant asOf = verdict.dueAt().isAfter(now) ? verdict.dueAt() : now;
            items.add(Item.upcoming(verdict, words.at(asOf), doc));
            shown.add(verdict.reminderId());
        } else if (doc != null) {
            items.add(Item.stored(doc));
            shown.add(doc.id());
        }
    }

    /** A stored reminder whose current cycle (by the rules' latest verdict) has not fired or been closed yet. */
    private static boolean isComingUpAgain(Verdict verdict, StoredReminder doc) {
        return verdict.isActive() && ReminderCycle.isComingUp(doc.facts(), verdict.dueAt());
    }
}
