package dev.vouch.reminder.rules;

import dev.vouch.reminder.ReminderDefaults;
import dev.vouch.events.LetterDeclined;
import dev.vouch.events.LetterMaterialsShared;
import dev.vouch.events.Material;
import dev.vouch.reminder.projection.Letter;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static dev.vouch.reminder.Facts.BOTH;
import static dev.vouch.reminder.Facts.days;
import static dev.vouch.reminder.Facts.requestedLetter;
import static dev.vouch.reminder.Facts.stamp;
import static org.assertj.core.api.Assertions.assertThat;

class MissingMaterialsRuleTest {

    static final Instant T0 = Instant.parse("2027-01-04T09:00:00Z");
    final MissingMaterialsRule rule = new MissingMaterialsRule(ReminderDefaults.policy());

    @Test
    void aRequestWithoutTheCvIsDueTwoDaysLater() {
        Letter letter = requestedLetter("L1", "M1", T0, 60, Set.of(Material.PERSONAL_STATEMENT));

        Verdict verdict = rule.evaluate(letter, null).get(0);

        assertThat(verdict.condition()).isEqualTo(Condition.ACTIVE);
        assertThat(verdict.dueAt()).isEqualTo(T0.plus(days(2)));
        assertThat(rule.missing(letter)).containsExactly(Material.CV);
    }

    @Test
    void aRequestWithBothNeedsNothing() {
        assertThat(rule.evaluate(requestedLetter("L1", "M1", T0, 60, BOTH), null).get(0).isActive()).isFalse();
    }

    @Test
    void sharingBothClearsItButSharingOneDoesNot() {
        Letter letter = requestedLetter("L1", "M1", T0, 60, Set.of());

        Letter withStatement = letter.apply(new LetterMaterialsShared("L1", "M1", Set.of(Material.PERSONAL_STATEMENT)),
                stamp(T0.plus(days(1)), 2));
        Letter withBoth = withStatement.apply(new LetterMaterialsShared("L1", "M1",
                Set.of(Material.PERSONAL_STATEMENT, Material.CV, Material.TRANSCRIPT)), stamp(T0.plus(days(3)), 3));

        assertThat(rule.evaluate(withStatement, null).get(0).condition()).isEqualTo(Condition.ACTIVE);
        assertThat(rule.evaluate(withBoth, null).get(0).condition()).isEqualTo(Condition.CLEARED);
    }

    @Test
    void aDeclinedLetterNeedsNoMaterials() {
        Letter declined = requestedLetter("L1", "M1", T0, 60, Set.of())
                .apply(new LetterDeclined("L1", "M1"), stamp(T0.plus(days(1)), 2));

        assertThat(rule.evaluate(declined, null).get(0).condition()).isEqualTo(Condition.CLEARED);
    }
}
