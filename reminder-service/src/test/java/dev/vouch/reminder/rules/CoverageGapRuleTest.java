package dev.vouch.reminder.rules;

import dev.vouch.events.ApplicationSystem;
import dev.vouch.events.CoverageGap;
import dev.vouch.events.CoverageGapKind;
import dev.vouch.events.LetterKind;
import dev.vouch.events.ReminderKind;
import dev.vouch.reminder.ReminderDefaults;
import dev.vouch.reminder.projection.Target;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CoverageGapRuleTest {

    static final Instant DEADLINE = Instant.parse("2027-01-15T23:59:59Z");
    final CoverageGapRule rule = new CoverageGapRule(ReminderDefaults.policy());

    static Target target(Instant deadline, CoverageGap... gaps) {
        return new Target("t-1", "lakeside", "s-1", "Lakeside IM", ApplicationSystem.ERAS, deadline, List.of(gaps), 3);
    }

    static CoverageGap tooFew(int actual) {
        return new CoverageGap(CoverageGapKind.TOO_FEW_ON_TRACK, null, null, 3, actual);
    }

    @Test
    void aGapIsDueThirtyDaysBeforeTheDeadlineUnderADeterministicId() {
        List<Verdict> verdicts = rule.evaluate(target(DEADLINE, tooFew(2)));

        assertThat(verdicts).filteredOn(Verdict::isActive).singleElement().satisfies(verdict -> {
            assertThat(verdict.reminderId()).isEqualTo("COVERAGE_GAP:t-1:TOO_FEW_ON_TRACK");
            assertThat(verdict.kind()).isEqualTo(ReminderKind.COVERAGE_GAP);
            assertThat(verdict.dueAt()).isEqualTo(DEADLINE.minus(Duration.ofDays(30)));
            assertThat(verdict.deadline()).isEqualTo(DEADLINE);
        });
        assertThat(verdicts).extracting(Verdict::reminderId).containsExactlyElementsOf(rule.reminderIds("t-1"));
    }

    @Test
    void aClosedGapIsClearedAndAnUnknownTargetIsNotJudged() {
        assertThat(rule.evaluate(target(DEADLINE))).allSatisfy(verdict ->
                assertThat(verdict.condition()).isEqualTo(Condition.CLEARED));
        assertThat(rule.evaluate(Target.unknown("t-1", "lakeside", "s-1"))).isNull();
    }

    @Test
    void withoutADeadlineThereIsNothingToCountDownTo() {
        assertThat(rule.evaluate(target(null, tooFew(0))))
                .filteredOn(verdict -> verdict.reminderId().endsWith("TOO_FEW_ON_TRACK"))
                .singleElement().satisfies(verdict -> assertThat(verdict.condition()).isEqualTo(Condition.NOT_APPLICABLE));
    }

    @Test
    void eachRequiredKindIsAGapOfItsOwn() {
        List<Verdict> verdicts = rule.evaluate(target(DEADLINE,
                new CoverageGap(CoverageGapKind.REQUIRED_KIND_MISSING, LetterKind.CHAIR, null, null, null),
                new CoverageGap(CoverageGapKind.REQUIRED_KIND_MISSING, LetterKind.SLOE, null, null, null),
                new CoverageGap(CoverageGapKind.WRITER_DECLINED, null, "l-9", null, null)));

        assertThat(verdicts).filteredOn(Verdict::isActive).extracting(Verdict::reminderId).containsExactly(
                "COVERAGE_GAP:t-1:REQUIRED_KIND_MISSING-CHAIR", "COVERAGE_GAP:t-1:REQUIRED_KIND_MISSING-SLOE",
                "COVERAGE_GAP:t-1:WRITER_DECLINED");
        assertThat(verdicts).filteredOn(v -> v.reminderId().endsWith("WRITER_DECLINED")).singleElement()
                .satisfies(v -> assertThat(v.letterId()).isEqualTo("l-9"));
    }

    @Test
    void coverageIdsParseBackToTheirTarget() {
        ReminderIds.Parsed parsed = ReminderIds.parse("COVERAGE_GAP:t-1:REQUIRED_KIND_MISSING-CHAIR");
        assertThat(parsed.subject()).isEqualTo(ReminderIds.targetSubject("t-1"));
        assertThat(parsed.gap()).isEqualTo("REQUIRED_KIND_MISSING-CHAIR");
        assertThat(ReminderIds.parse("COVERAGE_GAP:t-1")).isNull();
    }

    @Test
    void theWordsSayWhatIsMissingAndWhen() {
        Target target = target(DEADLINE, tooFew(2));
        Verdict verdict = rule.evaluate(target).stream().filter(Verdict::isActive).findFirst().orElseThrow();

        ReminderText.Text text = new ReminderText(ReminderDefaults.policy()).render(verdict, target,
                DEADLINE.minus(Duration.ofDays(21)));

        assertThat(text.title()).isEqualTo("Lakeside IM: 2 of 3 letters on track");
        assertThat(text.message()).isEqualTo("Lakeside IM is due in 21 days and only 2 of the 3 letters it needs are "
                + "requested, accepted or submitted. Ask another writer now.");
    }
}
