package dev.vouch.reminder.rules;

import dev.vouch.reminder.ReminderDefaults;
import dev.vouch.events.LetterAccepted;
import dev.vouch.events.LetterCancelled;
import dev.vouch.events.LetterDeclined;
import dev.vouch.events.LetterEvent;
import dev.vouch.events.LetterSubmitted;
import dev.vouch.reminder.projection.Letter;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.vouch.reminder.Facts.BOTH;
import static dev.vouch.reminder.Facts.STUDENT;
import static dev.vouch.reminder.Facts.TENANT;
import static dev.vouch.reminder.Facts.days;
import static dev.vouch.reminder.Facts.planned;
import static dev.vouch.reminder.Facts.requestedLetter;
import static dev.vouch.reminder.Facts.stamp;
import static org.assertj.core.api.Assertions.assertThat;

class NoResponseRuleTest {

    static final Instant T0 = Instant.parse("2027-01-04T09:00:00Z");
    final NoResponseRule rule = new NoResponseRule(ReminderDefaults.policy());

    @Test
    void dueFourteenDaysAfterTheRequest() {
        Verdict verdict = rule.evaluate(requestedLetter("L1", "M1", T0, 60, BOTH), null).get(0);

        assertThat(verdict.condition()).isEqualTo(Condition.ACTIVE);
        assertThat(verdict.dueAt()).isEqualTo(T0.plus(days(14)));
        assertThat(verdict.reminderId()).isEqualTo("NO_RESPONSE:L1");
    }

    @Test
    void anyAnswerOrEndClearsIt() {
        Letter letter = requestedLetter("L1", "M1", T0, 60, BOTH);
        for (LetterEvent answer : List.<LetterEvent>of(new LetterAccepted("L1", "M1"), new LetterDeclined("L1", "M1"),
                new LetterSubmitted("L1", "M1"), new LetterCancelled("L1", "M1"))) {
            Letter answered = letter.apply(answer, stamp(T0.plus(days(3)), 2));
            assertThat(rule.evaluate(answered, null).get(0).condition()).as(answer.toString()).isEqualTo(Condition.CLEARED);
        }
    }

    @Test
    void aPlannedLetterHasNotBeenAskedYet() {
        Letter letter = Letter.unknown("L1", TENANT, STUDENT).apply(planned("L1", "M1", T0.plus(days(90))), stamp(T0, 1));

        assertThat(rule.evaluate(letter, null).get(0).condition()).isEqualTo(Condition.NOT_APPLICABLE);
    }

    @Test
    void theWaitIsConfigurable() {
        ReminderPolicy policy = ReminderDefaults.policy();
        NoResponseRule patient = new NoResponseRule(new ReminderPolicy(policy.askEarlyPlanLead(),
                Duration.ofDays(21), policy.missingMaterialsAfter(), policy.requiredMaterials(), policy.deadlineThresholds(),
                policy.thankYouAfter(), 90, policy.atRiskWindow()));

        assertThat(patient.evaluate(requestedLetter("L1", "M1", T0, 60, BOTH), null).get(0).dueAt()).isEqualTo(T0.plus(days(21)));
    }
}
