package dev.vouch.reminder.advisor;

import dev.vouch.reminder.ReminderDefaults;
import dev.vouch.events.ContactType;
import dev.vouch.events.LetterSubmitted;
import dev.vouch.reminder.projection.Letter;
import dev.vouch.reminder.projection.Mentor;
import dev.vouch.reminder.projection.Stamp;
import dev.vouch.reminder.rules.ReminderPolicy;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.vouch.reminder.Facts.BOTH;
import static dev.vouch.reminder.Facts.TENANT;
import static dev.vouch.reminder.Facts.contact;
import static dev.vouch.reminder.Facts.days;
import static dev.vouch.reminder.Facts.mentorAdded;
import static dev.vouch.reminder.Facts.requested;
import static org.assertj.core.api.Assertions.assertThat;

class AtRiskReportTest {

    static final Instant T0 = Instant.parse("2027-01-04T09:00:00Z");

    @Test
    void dueSoonOverdueAndQuietMentorsPerStudentMostUrgentFirst() {
        Instant now = T0.plus(days(100));
        Letter dueSoon = letter("ana", "L1", "M1", now.plus(days(6)));
        Letter overdue = letter("ben", "L2", "M2", now.minus(days(2)));
        Letter later = letter("ana", "L3", "M3", now.plus(days(40)));
        Letter submitted = letter("cy", "L4", "M4", now.plus(days(2)))
                .apply(new LetterSubmitted("L4", "M4"), new Stamp(TENANT, "cy", 2, now));
        Map<String, Mentor> mentors = Map.of(
                "M1", mentor("ana", "M1", "Dr. Rivera", T0.plus(days(95))),
                "M2", mentor("ben", "M2", "Dr. Okafor", T0.plus(days(95))),
                "M3", mentor("ana", "M3", "Dr. Chen", T0)); // quiet: 100 days without contact, 90-day cadence

        AtRiskReport.Report report = AtRiskReport.of(TENANT, List.of(dueSoon, overdue, later, submitted), mentors,
                ReminderDefaults.policy(), now);

        assertThat(report.students()).extracting(AtRiskReport.StudentAtRisk::studentId).containsExactly("ben", "ana");
        AtRiskReport.StudentAtRisk ben = report.students().get(0);
        assertThat(ben.overdue()).singleElement().satisfies(letter -> {
            assertThat(letter.letterId()).isEqualTo("L2");
            assertThat(letter.daysLeft()).isEqualTo(-2);
        });
        AtRiskReport.StudentAtRisk ana = report.students().get(1);
        assertThat(ana.dueSoon()).singleElement().satisfies(letter -> {
            assertThat(letter.mentorName()).isEqualTo("Dr. Rivera");
            assertThat(letter.daysLeft()).isEqualTo(6);
        });
        assertThat(ana.quietMentors()).singleElement().satisfies(quiet -> {
            assertThat(quiet.name()).isEqualTo("Dr. Chen");
            assertThat(quiet.openLetterIds()).containsExactly("L3");
            assertThat(quiet.daysSinceContact()).isEqualTo(100);
        });
    }

    private static Letter letter(String student, String id, String mentor, Instant deadline) {
        Instant asked = T0.plus(days(50));
        return Letter.unknown(id, TENANT, student).apply(requested(id, mentor, deadline, asked, BOTH),
                new Stamp(TENANT, student, 1, asked));
    }

    private static Mentor mentor(String student, String id, String name, Instant lastContact) {
        return Mentor.placeholder(id, TENANT, student).apply(mentorAdded(id, name, 90), new Stamp(TENANT, student, 1, T0))
                .apply(contact(id, ContactType.MEETING, lastContact), new Stamp(TENANT, student, 2, lastContact));
    }
}
