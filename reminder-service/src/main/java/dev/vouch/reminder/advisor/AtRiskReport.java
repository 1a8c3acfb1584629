package dev.vouch.reminder.advisor;

import dev.vouch.events.LetterStatus;
import dev.vouch.events.LetterPurpose;
import dev.vouch.reminder.projection.Letter;
import dev.vouch.events.ApplicationSystem;
import dev.vouch.events.Deadlines;
import dev.vouch.kit.export.CsvTable;
import dev.vouch.events.CoverageGap;
import dev.vouch.reminder.projection.Mentor;
import dev.vouch.reminder.projection.Target;
import dev.vouch.reminder.rules.ReminderPolicy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Who of an institution's students needs an advisor's attention: letters due within the window (7 days) and
 * not submitted, letters past their deadline, and mentors gone quiet (past their stay-in-touch cadence) while
 * letters are still open with them. Grouped per student, the most urgent first. Pure.
 */
public final class AtRiskReport {

    private AtRiskReport() {
    }

    public record Report(String tenant, Instant asOf, List<StudentAtRisk> students) implements CsvTable<Row> {

        /** One row per item, as a spreadsheet wants it. */
        @Override
        public List<Row> csvRows() {
            List<Row> rows = new ArrayList<>();
            for (StudentAtRisk student : students) {
                student.overdue().forEach(l -> rows.add(Row.letter("OVERDUE", student.studentId(), l)));
                student.dueSoon().forEach(l -> rows.add(Row.letter("DUE_SOON", student.studentId(), l)));
                student.quietMentors().forEach(m -> rows.add(new Row("QUIET_MENTOR", student.studentId(), null,
                        m.mentorId(), m.name(), null, null, null, null, null,
                        m.daysSinceContact() + " days since contact (cadence " + m.cadenceDays() + ")")));
                student.coverageGaps().forEach(t -> rows.add(new Row("COVERAGE_GAP", student.studentId(), null, null,
                        null, t.targetId(), t.name(), null, t.deadline(), t.daysLeft(),
                        t.gaps().stream().map(g -> g.kind().name() + (g.letterKind() != null ? " " + g.letterKind() : "")
                                + (g.expected() != null ? " " + g.actual() + "/" + g.expected() : ""))
                                .collect(java.util.stream.Collectors.joining("; ")))));
            }
            return rows;
        }
    }

    /** A row of the CSV export. */
    public record Row(String kind, String studentId, String letterId, String mentorId, String mentorName,
                      String targetId, String target, LetterStatus status, Instant deadline, Long daysLeft,
                      String detail) {

        static Row letter(String kind, String studentId, LetterAtRisk letter) {
            return new Row(kind, studentId, letter.letterId(), letter.mentorId(), letter.mentorName(), null, null,
                    letter.status(), letter.deadline(), letter.daysLeft(),
                    letter.purpose() == null ? null : letter.purpose().name());
        }
    }

    public record StudentAtRisk(String studentId, List<LetterAtRisk> overdue, List<LetterAtRisk> dueSoon,
                                List<QuietMentor> quietMentors, List<CoverageAtRisk> coverageGaps) {

        public StudentAtRisk(String studentId, List<LetterAtRisk> overdue, List<LetterAtRisk> dueSoon,
                             List<QuietMentor> quietMentors) {
            this(studentId, overdue, dueSoon, quietMentors, List.of());
        }
    }

    /**
     * A target whose deadline is within the coverage window (30 days) and whose letters have gaps.
     *
     * @param daysLeft whole days to the target's deadline; negative once past
     */
    public record CoverageAtRisk(String targetId, String name, ApplicationSystem system, Instant deadline,
                                 long daysLeft, List<CoverageGap> gaps) {
    }

    /** @param daysLeft whole days to the deadline, rounded down ({@link Deadlines}); negative once overdue */
    public record LetterAtRisk(String letterId, String mentorId, String mentorName, LetterPurpose purpose,
                               LetterStatus status, Instant deadline, long daysLeft) {
    }

    public record QuietMentor(String mentorId, String name, Instant lastContactAt, long daysSinceContact,
                              int cadenceDays, List<String> openLetterIds) {
    }

    public static Report of(String tenant, Collection<Letter> openLetters, Map<String, Mentor> mentors,
                            ReminderPolicy policy, Instant now) {
        return of(tenant, openLetters, mentors, List.of(), policy, now);
    }

    /** The same, with the coverage gaps of targets due within the coverage window. */
    public static Report of(String tenant, Collection<Letter> openLetters, Map<String, Mentor> mentors,
                            Collection<Target> targets, ReminderPolicy policy, Instant now) {
        Map<String, List<CoverageAtRisk>> gapsByStudent = new TreeMap<>();
        Instant coverageHorizon = now.plus(policy.coverageWindow());
        targets.stream().filter(target -> tenant.equals(target.tenant()) && !target.gaps().isEmpty()
                        && target.deadline() != null && !target.deadline().isAfter(coverageHorizon))
                .sorted(Comparator.comparing(Target::deadline).thenComparing(Target::id))
                .forEach(target -> gapsByStudent.computeIfAbsent(target.studentId(), s -> new ArrayList<>())
                        .add(new CoverageAtRisk(target.id(), target.name(), target.system(), target.deadline(),
                                daysLeft(target.deadline(), now), target.gaps())));
        Instant soon = now.plus(policy.atRiskWindow());
        Map<String, List<Letter>> byStudent = new TreeMap<>();
        openLetters.stream().filter(Letter::isOpen).filter(letter -> tenant.equals(letter.tenant()))
                .forEach(letter -> byStudent.computeIfAbsent(letter.studentId(), s -> new ArrayList<>()).add(letter));
        gapsByStudent.keySet().forEach(studentId -> byStudent.computeIfAbsent(studentId, s -> new ArrayList<>()));
        List<StudentAtRisk> students = new ArrayList<>();
        byStudent.forEach((studentId, letters) -> {
            List<LetterAtRisk> overdue = new ArrayList<>();
            List<LetterAtRisk> dueSoon = new ArrayList<>();
            Map<String, List<String>> openByMentor = new LinkedHashMap<>();
            letters.sort(Comparator.comparing(Letter::deadline, Comparator.nullsLast(Comparator.naturalOrder())));
            for (Letter letter : letters) {
                if (letter.mentorId() != null) {
                    openByMentor.computeIfAbsent(letter.mentorId(), m -> new ArrayList<>()).add(letter.id());
                }
                if (letter.deadline() == null) {
                    continue;
                }
                Mentor mentor = letter.mentorId() == null ? null : mentors.get(letter.mentorId());
                if (!letter.deadline().isAfter(now)) {
                    overdue.add(atRisk(letter, mentor, now));
                } else if (!letter.deadline().isAfter(soon)) {
                    dueSoon.add(atRisk(letter, mentor, now));
                }
            }
            List<QuietMentor> quiet = new ArrayList<>();
            openByMentor.forEach((mentorId, letterIds) -> {
                Mentor mentor = mentors.get(mentorId);
                if (mentor == null || !mentor.known() || !mentor.isActive() || mentor.lastTouch() == null) {
                    return;
                }
                Duration cadence = policy.stayInTouchCadence(mentor.stayInTouchDays());
                if (!mentor.lastTouch().plus(cadence).isAfter(now)) {
                    quiet.add(new QuietMentor(mentorId, mentor.name(), mentor.lastContactAt(),
                            Duration.between(mentor.lastTouch(), now).toDays(), (int) cadence.toDays(), letterIds));
                }
            });
            List<CoverageAtRisk> coverage = gapsByStudent.getOrDefault(studentId, List.of());
            if (!overdue.isEmpty() || !dueSoon.isEmpty() || !quiet.isEmpty() || !coverage.isEmpty()) {
                students.add(new StudentAtRisk(studentId, overdue, dueSoon, quiet, coverage));
            }
        });
        students.sort(Comparator.comparingInt((StudentAtRisk s) -> -s.overdue().size())
                .thenComparingInt(s -> -s.dueSoon().size())
                .thenComparingInt(s -> -s.quietMentors().size())
                .thenComparingInt(s -> -s.coverageGaps().size())
                .thenComparing(StudentAtRisk::studentId));
        return new Report(tenant, now, students);
    }

    private static long daysLeft(Instant deadline, Instant now) {
        return Deadlines.daysLeft(now, deadline);
    }

    private static LetterAtRisk atRisk(Letter letter, Mentor mentor, Instant now) {
        long days = daysLeft(letter.deadline(), now);
        return new LetterAtRisk(letter.id(), letter.mentorId(), mentor != null && mentor.known() ? mentor.name() : null,
                letter.purpose(), letter.status(), letter.deadline(), days);
    }
}
