package dev.vouch.reminder.rules;

import dev.vouch.reminder.ReminderDefaults;
import dev.vouch.events.ContactType;
import dev.vouch.events.MentorArchived;
import dev.vouch.reminder.projection.Mentor;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static dev.vouch.reminder.Facts.STUDENT;
import static dev.vouch.reminder.Facts.TENANT;
import static dev.vouch.reminder.Facts.contact;
import static dev.vouch.reminder.Facts.days;
import static dev.vouch.reminder.Facts.mentor;
import static dev.vouch.reminder.Facts.stamp;
import static org.assertj.core.api.Assertions.assertThat;

class StayInTouchRuleTest {

    static final Instant T0 = Instant.parse("2027-01-04T09:00:00Z");
    final StayInTouchRule rule = new StayInTouchRule(ReminderDefaults.policy());

    @Test
    void dueOneCadenceAfterTheMentorWasAdded() {
        Verdict verdict = rule.evaluate(mentor("M1", "Dr. Ana Rivera", 30, T0));

        assertThat(verdict.condition()).isEqualTo(Condition.ACTIVE);
        assertThat(verdict.dueAt()).isEqualTo(T0.plus(days(30)));
        assertThat(verdict.reminderId()).isEqualTo("STAY_IN_TOUCH:M1");
    }

    @Test
    void anyContactStartsTheClockAgain() {
        Mentor contacted = mentor("M1", "Dr. Ana Rivera", 30, T0)
                .apply(contact("M1", ContactType.EMAIL, T0.plus(days(20))), stamp(T0.plus(days(20)), 2));

        assertThat(rule.evaluate(contacted).dueAt()).isEqualTo(T0.plus(days(50)));
    }

    @Test
    void anOlderContactLoggedLateDoesNotMoveTheClockBack() {
        Mentor contacted = mentor("M1", "Dr. Ana Rivera", 30, T0)
                .apply(contact("M1", ContactType.CALL, T0.plus(days(20))), stamp(T0.plus(days(20)), 2))
                .apply(contact("M1", ContactType.MEETING, T0.plus(days(5))), stamp(T0.plus(days(21)), 3));

        assertThat(rule.evaluate(contacted).dueAt()).isEqualTo(T0.plus(days(50)));
    }

    @Test
    void mentorsWithoutTheirOwnCadenceGetTheDefault() {
        assertThat(rule.evaluate(mentor("M1", "Dr. Ana Rivera", 0, T0)).dueAt()).isEqualTo(T0.plus(days(90)));
    }

    @Test
    void archivingClearsIt() {
        Mentor archived = mentor("M1", "Dr. Ana Rivera", 30, T0).apply(new MentorArchived("M1"), stamp(T0.plus(days(1)), 2));

        assertThat(rule.evaluate(archived).condition()).isEqualTo(Condition.CLEARED);
    }

    @Test
    void aMentorOnlyKnownFromALetterHasNoVerdictYet() {
        assertThat(rule.evaluate(Mentor.placeholder("M1", TENANT, STUDENT).withLetter("L1"))).isNull();
    }
}
