package dev.vouch.reminder.lifecycle;

import dev.vouch.events.DeadlineApproaching;
import dev.vouch.events.ReminderDue;
import dev.vouch.events.ReminderKind;
import dev.vouch.events.ReminderResolution;
import dev.vouch.events.ReminderResolved;
import dev.vouch.events.ReminderSnoozed;
import dev.vouch.events.ReminderEvent;
import dev.vouch.reminder.rules.Condition;
import dev.vouch.reminder.rules.Verdict;
import dev.vouch.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReminderFactsTest {

    static final Instant T0 = Instant.parse("2027-01-04T09:00:00Z");
    static final Instant DEADLINE = T0.plus(Duration.ofDays(30));
    final MutableClock clock = new MutableClock(T0);
    /** What the reminder announced, in order: the topic as a subscriber reads it, with each event's time. */
    final List<ReminderEvent> published = new ArrayList<>();
    final List<Instant> publishedAt = new ArrayList<>();
    ReminderFacts reminder;

    @Test
    void aReminderFiresOnceItsDueTimeComes() {
        reminder = ReminderFacts.of(threshold(7, DEADLINE));

        assertThat(reminder.state()).isEqualTo(ReminderState.RESOLVED);
        assertThat(reminder.nextFireAt()).isEqualTo(DEADLINE.minus(Duration.ofDays(7)));

        clock.set(DEADLINE.minus(Duration.ofDays(7)));
        take(reminder.fire(clock.instant()));

        assertThat(reminder.state()).isEqualTo(ReminderState.OPEN);
        assertThat(reminder.firedAt()).isEqualTo(clock.instant());
        assertThat(reminder.nextFireAt()).isNull();
        assertThat(published).hasSize(2);
        assertThat(published.get(0)).isInstanceOfSatisfying(ReminderDue.class, due -> {
            assertThat(due.reminderId()).isEqualTo("DEADLINE_APPROACHING:L1:7");
            assertThat(due.dueAt()).isEqualTo(DEADLINE.minus(Duration.ofDays(7)));
        });
        assertThat(published.get(1)).isInstanceOfSatisfying(DeadlineApproaching.class,
                approaching -> assertThat(approaching.daysBefore()).isEqualTo(7));
    }

    @Test
    void aClearedConditionResolvesItAndIsAnnouncedOnlyIfItHadFired() {
        ReminderFacts silent = ReminderFacts.of(threshold(7, DEADLINE)).judged(cleared(threshold(7, DEADLINE)));
        assertThat(silent.state()).isEqualTo(ReminderState.RESOLVED);
        assertThat(silent.owesResolution()).isFalse();

        firedAtItsTime(threshold(7, DEADLINE));
        reminder = reminder.judged(cleared(threshold(7, DEADLINE)));
        assertThat(reminder.state()).isEqualTo(ReminderState.RESOLVED);
        assertThat(reminder.owesResolution()).isTrue();

        take(reminder.announceResolution(clock.instant()));
        assertThat(reminder.owesResolution()).isFalse();
        assertThat(published.get(published.size() - 1)).isEqualTo(
                new ReminderResolved("DEADLINE_APPROACHING:L1:7", ReminderKind.DEADLINE_APPROACHING,
                        ReminderResolution.CONDITION_CLEARED));
    }

    @Test
    void aDueTimeMovedPastTheFiringStartsANewCycle() {
        firedAtItsTime(threshold(7, DEADLINE));
        Instant later = DEADLINE.plus(Duration.ofDays(14));

        reminder = reminder.judged(threshold(7, later));

        assertThat(reminder.state()).isEqualTo(ReminderState.RESOLVED);
        assertThat(reminder.owesResolution()).as("subscribers hear the old cycle ended").isTrue();
        assertThat(reminder.nextFireAt()).isEqualTo(later.minus(Duration.ofDays(7)));
    }

    @Test
    void aDueTimeMovedEarlierThanTheFiringKeepsItFired() {
        firedAtItsTime(threshold(7, DEADLINE));

        reminder = reminder.judged(threshold(7, DEADLINE.minus(Duration.ofDays(2))));

        assertThat(reminder.state()).isEqualTo(ReminderState.OPEN);
        assertThat(reminder.nextFireAt()).isNull();
        assertThat(reminder.owesResolution()).isFalse();
    }

    @Test
    void doneAndDismissedAreFinalForTheCycle() {
        firedAtItsTime(threshold(7, DEADLINE));
        take(reminder.close(ReminderResolution.DISMISSED, clock.instant()));

        assertThat(reminder.state()).isEqualTo(ReminderState.DISMISSED);
        assertThat(published.get(published.size() - 1)).isInstanceOfSatisfying(ReminderResolved.class,
                resolved -> assertThat(resolved.resolution()).isEqualTo(ReminderResolution.DISMISSED));
        ReminderFacts dismissed = reminder;
        assertThatThrownBy(() -> dismissed.close(ReminderResolution.DONE, clock.instant()))
                .isInstanceOf(IllegalStateException.class);

        reminder = reminder.judged(cleared(threshold(7, DEADLINE)));
        assertThat(reminder.state()).as("the student's word stands").isEqualTo(ReminderState.DISMISSED);
        assertThat(reminder.owesResolution()).isFalse();
    }

    @Test
    void aSnoozedReminderFiresAgainWhenTheSnoozeEnds() {
        firedAtItsTime(threshold(7, DEADLINE));
        Instant until = clock.instant().plus(Duration.ofDays(2));
        take(reminder.snooze(until, clock.instant()));

        assertThat(reminder.state()).isEqualTo(ReminderState.SNOOZED);
        assertThat(reminder.nextFireAt()).isEqualTo(until);
        assertThat(published.get(published.size() - 1)).isEqualTo(
                new ReminderSnoozed(reminder.id(), reminder.kind(), until));

        clock.set(until);
        int before = published.size();
        take(reminder.fire(clock.instant()));

        assertThat(reminder.state()).isEqualTo(ReminderState.OPEN);
        List<ReminderEvent> again = published.subList(before, published.size());
        assertThat(again).singleElement().isInstanceOfSatisfying(ReminderDue.class,
                due -> assertThat(due.dueAt()).isEqualTo(until));
    }

    @Test
    void factsReadBackFromTheTopicGiveTheSameStateInAnyOrder() {
        firedAtItsTime(threshold(7, DEADLINE));
        clock.advance(Duration.ofHours(3));
        take(reminder.close(ReminderResolution.DONE, clock.instant()));

        ReminderFacts rulesFirst = ReminderFacts.announced((ReminderDue) published.get(0), publishedAt.get(0));
        for (int i = 0; i < published.size(); i++) {
            rulesFirst = rulesFirst.remembered(published.get(i), publishedAt.get(i));
        }
        rulesFirst = rulesFirst.judged(threshold(7, DEADLINE));

        ReminderFacts factsLater = ReminderFacts.announced((ReminderDue) published.get(0), publishedAt.get(0))
                .judged(threshold(7, DEADLINE));
        for (int i = 0; i < published.size(); i++) {
            factsLater = factsLater.remembered(published.get(i), publishedAt.get(i));
        }

        assertThat(rulesFirst.state()).isEqualTo(ReminderState.DONE);
        assertThat(factsLater.state()).isEqualTo(ReminderState.DONE);
        assertThat(rulesFirst).as("the same facts, whatever the order").isEqualTo(factsLater);
        assertThat(rulesFirst.nextFireAt()).isNull();
        assertThat(factsLater.owesResolution()).isFalse();
    }

    private void firedAtItsTime(Verdict verdict) {
        reminder = ReminderFacts.of(verdict);
        clock.set(verdict.dueAt());
        take(reminder.fire(clock.instant()));
    }

    /** Takes a step's facts and publishes its events, as a save through the outbox does, at the clock's time. */
    private void take(ReminderFacts.Step step) {
        reminder = step.facts();
        step.events().forEach(event -> {
            published.add(event);
            publishedAt.add(clock.instant());
        });
    }

    private static Verdict threshold(int days, Instant deadline) {
        return new Verdict("DEADLINE_APPROACHING:L1:" + days, ReminderKind.DEADLINE_APPROACHING, Condition.ACTIVE,
                deadline.minus(Duration.ofDays(days)), "L1", "M1", deadline, days, null, false);
    }

    private static Verdict cleared(Verdict verdict) {
        return new Verdict(verdict.reminderId(), verdict.kind(), Condition.CLEARED, verdict.dueAt(), verdict.letterId(),
                verdict.mentorId(), verdict.deadline(), verdict.daysBefore(), verdict.variant(),
                verdict.escalateToAdvisor());
    }
}
