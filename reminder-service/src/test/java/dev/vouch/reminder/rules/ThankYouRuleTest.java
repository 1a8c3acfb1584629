package dev.vouch.reminder.rules;

import dev.vouch.reminder.ReminderDefaults;
import dev.vouch.events.ContactType;
import dev.vouch.events.LetterSubmitted;
import dev.vouch.events.MentorArchived;
import dev.vouch.reminder.projection.Letter;
import dev.vouch.reminder.projection.Mentor;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static dev.vouch.reminder.Facts.BOTH;
import static dev.vouch.reminder.Facts.contact;
import static dev.vouch.reminder.Facts.days;
import static dev.vouch.reminder.Facts.mentor;
import static dev.vouch.reminder.Facts.requestedLetter;
import static dev.vouch.reminder.Facts.stamp;
import static org.assertj.core.api.Assertions.assertThat;

class ThankYouRuleTest {

    static final Instant T0 = Instant.parse("2027-01-04T09:00:00Z");
    static final Instant SUBMITTED = T0.plus(days(10)).plus(Duration.ofHours(5)); // 14:00 that day
    final ThankYouRule rule = new ThankYouRule(ReminderDefaults.policy());
    final Letter submitted = requestedLetter("L1", "M1", T0, 30, BOTH)
            .apply(new LetterSubmitted("L1", "M1"), stamp(SUBMITTED, 2));
    final Mentor mentor = mentor("M1", "Dr. Ana Rivera", 90, T0.minus(days(100)));

    @Test
    void owedThreeDaysAfterSubmission() {
        Verdict verdict = rule.evaluate(submitted, mentor).get(0);

        assertThat(verdict.condition()).isEqualTo(Condition.ACTIVE);
        assertThat(verdict.dueAt()).isEqualTo(SUBMITTED.plus(days(3)));
    }

    @Test
    void notOwedBeforeSubmission() {
        assertThat(rule.evaluate(requestedLetter("L1", "M1", T0, 30, BOTH), mentor).get(0).condition())
                .isEqualTo(Condition.NOT_APPLICABLE);
    }

    @Test
    void aThankYouContactThatDayOrLaterClearsIt() {
        Mentor thankedThatMorning = mentor.apply(contact("M1", ContactType.THANK_YOU, SUBMITTED.minus(Duration.ofHours(4))),
                stamp(SUBMITTED, 2));

        assertThat(rule.evaluate(submitted, thankedThatMorning).get(0).condition()).isEqualTo(Condition.CLEARED);
    }

    @Test
    void otherContactsOrAnEarlierThankYouDoNot() {
        Mentor thankedBefore = mentor.apply(contact("M1", ContactType.THANK_YOU, SUBMITTED.minus(days(2))), stamp(T0, 2))
                .apply(contact("M1", ContactType.EMAIL, SUBMITTED.plus(days(1))), stamp(T0, 3));

        assertThat(rule.evaluate(submitted, thankedBefore).get(0).condition()).isEqualTo(Condition.ACTIVE);
    }

    @Test
    void anArchivedMentorIsNotFollowed() {
        Mentor archived = mentor.apply(new MentorArchived("M1"), stamp(SUBMITTED, 2));

        assertThat(rule.evaluate(submitted, archived).get(0).condition()).isEqualTo(Condition.CLEARED);
    }

    @Test
    void owedEvenBeforeTheMentorsOwnEventsArrive() {
        assertThat(rule.evaluate(submitted, null).get(0).condition()).isEqualTo(Condition.ACTIVE);
    }
}
