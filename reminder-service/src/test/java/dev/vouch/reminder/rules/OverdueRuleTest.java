package dev.vouch.reminder.rules;

import dev.vouch.events.LetterAccepted;
import dev.vouch.events.LetterCancelled;
import dev.vouch.events.LetterSubmitted;
import dev.vouch.reminder.projection.Letter;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static dev.vouch.reminder.Facts.BOTH;
import static dev.vouch.reminder.Facts.days;
import static dev.vouch.reminder.Facts.requestedLetter;
import static dev.vouch.reminder.Facts.stamp;
import static org.assertj.core.api.Assertions.assertThat;

class OverdueRuleTest {

    static final Instant T0 = Instant.parse("2027-01-04T09:00:00Z");
    final OverdueRule rule = new OverdueRule();

    @Test
    void dueAtTheDeadlineAndEscalatedToTheAdvisor() {
        Letter letter = requestedLetter("L1", "M1", T0, 20, BOTH).apply(new LetterAccepted("L1", "M1"), stamp(T0, 2));

        Verdict verdict = rule.evaluate(letter, null).get(0);

        assertThat(verdict.condition()).isEqualTo(Condition.ACTIVE);
        assertThat(verdict.dueAt()).isEqualTo(T0.plus(days(20)));
        assertThat(verdict.escalateToAdvisor()).isTrue();
        assertThat(verdict.reminderId()).isEqualTo("OVERDUE:L1");
    }

    @Test
    void submittingOrCancellingClearsIt() {
        Letter letter = requestedLetter("L1", "M1", T0, 20, BOTH);

        assertThat(rule.evaluate(letter.apply(new LetterSubmitted("L1", "M1"), stamp(T0.plus(days(25)), 2)), null).get(0)
                .condition()).isEqualTo(Condition.CLEARED);
        assertThat(rule.evaluate(letter.apply(new LetterCancelled("L1", "M1"), stamp(T0.plus(days(25)), 2)), null).get(0)
                .condition()).isEqualTo(Condition.CLEARED);
    }
}
