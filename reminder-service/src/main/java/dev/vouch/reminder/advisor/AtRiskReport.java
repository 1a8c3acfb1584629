package dev.vouch.reminder.advisor;

import dev.vouch.events.LetterStatus;
import dev.vouch.events.LetterPurpose;
import dev.vouch.reminder.projection.Letter;
import dev.vouch.reminder.projection.Mentor;
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

    public record Report(String tenant, Instant asOf, List<StudentAtRisk> students) {
    }

    public record StudentAtRisk(String studentId, List<LetterAtRisk> overdue, List<LetterAtRisk> dueSoon,
                                List<QuietMentor> quietMentors) {
    }

    /** @param daysLeft whole days to the deadline; negative once overdue */
    public record LetterAtRisk(String letterId, String mentorId, String mentorName, LetterPurpose purpose,
                               LetterStatus status, Instant deadline, long daysLeft) {
    }

    public record QuietMentor(String mentorId, String name, Instant lastContactAt, long daysSinceContact,
                              int cadenceDays, List<String> openLetterIds) {
    }

    public static Report of(String tenant, Collection<Letter> openLetters, Map<String, Mentor> mentors,
                            ReminderPolicy policy, Instant now) {
        Instant soon = now.plus(policy.atRiskWindow());
        Map<String, List<Letter>> byStudent = new TreeMap<>();
        openLetters.stream().filter(Letter::isOpen).filter(letter -> tenant.equals(letter.tenant()))
                .forEach(letter -> byStudent.computeIfAbsent(letter.studentId(), s -> new ArrayList<>()).add(letter));
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
            if (!overdue.isEmpty() || !dueSoon.isEmpty() || !quiet.isEmpty()) {
                students.add(new StudentAtRisk(studentId, overdue, dueSoon, quiet));
            }
        });
        students.sort(Comparator.comparingInt((StudentAtRisk s) -> -s.overdue().size())
                .thenComparingInt(s -> -s.dueSoon().size())
                .thenComparingInt(s -> -s.quietMentors().size())
                .thenComparing(StudentAtRisk::studentId));
        return new Report(tenant, now, students);
    }

    private static LetterAtRisk atRisk(Letter letter, Mentor mentor, Instant now) {
        Duration left = Duration.between(now, letter.deadline());
        long days = left.isNegative() ? -Duration.between(letter.deadline(), now).toDays() : left.toDays();
        return new LetterAtRisk(letter.id(), letter.mentorId(), mentor != null && mentor.known() ? mentor.name() : null,
                letter.purpose(), letter.status(), letter.deadline(), days);
    }
}
