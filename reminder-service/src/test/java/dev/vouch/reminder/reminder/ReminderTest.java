package dev.vouch.reminder.reminder;

import dev.vouch.events.DeadlineApproaching;
import dev.vouch.events.ReminderDue;
import dev.vouch.events.ReminderKind;
import dev.vouch.events.ReminderResolution;
import dev.vouch.events.ReminderResolved;
import dev.vouch.events.ReminderSnoozed;
import dev.vouch.events.VouchEvent;
import dev.vouch.kit.outbox.EventFactory;
import dev.vouch.kit.outbox.PendingEvent;
import dev.vouch.reminder.rules.Condition;
import dev.vouch.reminder.rules.Verdict;
import dev.vouch.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReminderTest {

    static final Instant T0 = Instant.parse("2027-01-04T09:00:00Z");
    static final Instant DEADLINE = T0.plus(Duration.ofDays(30));
    final MutableClock clock = new MutableClock(T0);
    final EventFactory events = new EventFactory("reminder-service", clock);

    @Test
    void aReminderFiresOnceItsDueTimeComes() {
        Reminder reminder = Reminder.of(threshold(7, DEADLINE), "lakeside", "student-1");

        assertThat(reminder.getState()).isEqualTo(ReminderState.RESOLVED);
        assertThat(reminder.nextFireAt()).isEqualTo(DEADLINE.minus(Duration.ofDays(7)));

        clock.set(DEADLINE.minus(Duration.ofDays(7)));
        reminder.fire(events);

        assertThat(reminder.getState()).isEqualTo(ReminderState.OPEN);
        assertThat(reminder.nextFireAt()).isNull();
        assertThat(payloads(reminder)).hasSize(2);
        assertThat(payloads(reminder).get(0)).isInstanceOfSatisfying(ReminderDue.class, due -> {
            assertThat(due.reminderId()).isEqualTo("DEADLINE_APPROACHING:L1:7");
            assertThat(due.dueAt()).isEqualTo(DEADLINE.minus(Duration.ofDays(7)));
        });
        assertThat(payloads(reminder).get(1)).isInstanceOfSatisfying(DeadlineApproaching.class,
                approaching -> assertThat(approaching.daysBefore()).isEqualTo(7));
        assertThat(reminder.newEvents()).extracting(PendingEvent::sequence).containsExactly(1L, 2L);
        assertThat(reminder.nextVersion()).isEqualTo(2);
    }

    @Test
    void aClearedConditionResolvesItAndIsAnnouncedOnlyIfItHadFired() {
        Reminder silent = Reminder.of(threshold(7, DEADLINE), "lakeside", "student-1");
        silent.judge(threshold(7, DEADLINE).with(Condition.CLEARED));
        assertThat(silent.getState()).isEqualTo(ReminderState.RESOLVED);
        assertThat(silent.owesResolution()).isFalse();

        Reminder fired = firedAtItsTime(threshold(7, DEADLINE));
        fired.judge(threshold(7, DEADLINE).with(Condition.CLEARED));
        assertThat(fired.getState()).isEqualTo(ReminderState.RESOLVED);
        assertThat(fired.owesResolution()).isTrue();

        fired.announceResolution(events);
        assertThat(fired.owesResolution()).isFalse();
        assertThat(payloads(fired).get(payloads(fired).size() - 1)).isEqualTo(
                new ReminderResolved("DEADLINE_APPROACHING:L1:7", ReminderKind.DEADLINE_APPROACHING,
                        ReminderResolution.CONDITION_CLEARED));
    }

    @Test
    void aDueTimeMovedPastTheFiringStartsANewCycle() {
        Reminder reminder = firedAtItsTime(threshold(7, DEADLINE));
        Instant later = DEADLINE.plus(Duration.ofDays(14));

        reminder.judge(threshold(7, later));

        assertThat(reminder.getState()).isEqualTo(ReminderState.RESOLVED);
        assertThat(reminder.owesResolution()).as("subscribers hear the old cycle ended").isTrue();
        assertThat(reminder.nextFireAt()).isEqualTo(later.minus(Duration.ofDays(7)));
    }

    @Test
    void aDueTimeMovedEarlierThanTheFiringKeepsItFired() {
        Reminder reminder = firedAtItsTime(threshold(7, DEADLINE));

        reminder.judge(threshold(7, DEADLINE.minus(Duration.ofDays(2))));

        assertThat(reminder.getState()).isEqualTo(ReminderState.OPEN);
        assertThat(reminder.nextFireAt()).isNull();
        assertThat(reminder.owesResolution()).isFalse();
    }

    @Test
    void doneAndDismissedAreFinalForTheCycle() {
        Reminder reminder = firedAtItsTime(threshold(7, DEADLINE));
        reminder.close(ReminderResolution.DISMISSED, events);

        assertThat(reminder.getState()).isEqualTo(ReminderState.DISMISSED);
        assertThat(payloads(reminder).get(payloads(reminder).size() - 1)).isInstanceOfSatisfying(ReminderResolved.class,
                resolved -> assertThat(resolved.resolution()).isEqualTo(ReminderResolution.DISMISSED));
        assertThatThrownBy(() -> reminder.close(ReminderResolution.DONE, events)).isInstanceOf(IllegalStateException.class);

        reminder.judge(threshold(7, DEADLINE).with(Condition.CLEARED));
        assertThat(reminder.getState()).as("the student's word stands").isEqualTo(ReminderState.DISMISSED);
        assertThat(reminder.owesResolution()).isFalse();
    }

    @Test
    void aSnoozedReminderFiresAgainWhenTheSnoozeEnds() {
        Reminder reminder = firedAtItsTime(threshold(7, DEADLINE));
        Instant until = clock.instant().plus(Duration.ofDays(2));
        reminder.snooze(until, events);

        assertThat(reminder.getState()).isEqualTo(ReminderState.SNOOZED);
        assertThat(reminder.nextFireAt()).isEqualTo(until);
        assertThat(payloads(reminder).get(payloads(reminder).size() - 1)).isEqualTo(
                new ReminderSnoozed(reminder.getId(), reminder.getKind(), until));

        clock.set(until);
        int before = payloads(reminder).size();
        reminder.fire(events);

        assertThat(reminder.getState()).isEqualTo(ReminderState.OPEN);
        List<VouchEvent> again = payloads(reminder).subList(before, payloads(reminder).size());
        assertThat(again).singleElement().isInstanceOfSatisfying(ReminderDue.class,
                due -> assertThat(due.dueAt()).isEqualTo(until));
    }

    @Test
    void factsReadBackFromTheTopicGiveTheSameStateInAnyOrder() {
        Reminder live = firedAtItsTime(threshold(7, DEADLINE));
        clock.advance(Duration.ofHours(3));
        live.close(ReminderResolution.DONE, events);
        List<PendingEvent> topic = live.getPendingEvents();

        Reminder rulesFirst = Reminder.announced((ReminderDue) topic.get(0).toEnvelope().payload(), "lakeside",
                "student-1", topic.get(0).time());
        topic.forEach(event -> rulesFirst.remember((dev.vouch.events.ReminderEvent) event.toEnvelope().payload(), event.time()));
        rulesFirst.judge(threshold(7, DEADLINE));

        Reminder factsLater = Reminder.announced((ReminderDue) topic.get(0).toEnvelope().payload(), "lakeside",
                "student-1", topic.get(0).time());
        factsLater.judge(threshold(7, DEADLINE));
        topic.forEach(event -> factsLater.remember((dev.vouch.events.ReminderEvent) event.toEnvelope().payload(), event.time()));

        assertThat(rulesFirst.getState()).isEqualTo(ReminderState.DONE);
        assertThat(factsLater.getState()).isEqualTo(ReminderState.DONE);
        assertThat(rulesFirst.nextFireAt()).isNull();
        assertThat(factsLater.owesResolution()).isFalse();
    }

    private Reminder firedAtItsTime(Verdict verdict) {
        Reminder reminder = Reminder.of(verdict, "lakeside", "student-1");
        clock.set(verdict.dueAt());
        reminder.fire(events);
        return reminder;
    }

    private static Verdict threshold(int days, Instant deadline) {
        return new Verdict("DEADLINE_APPROACHING:L1:" + days, ReminderKind.DEADLINE_APPROACHING, Condition.ACTIVE,
                deadline.minus(Duration.ofDays(days)), "L1", "M1", deadline, days, null, false);
    }

    private static List<VouchEvent> payloads(Reminder reminder) {
        return reminder.getPendingEvents().stream().map(event -> (VouchEvent) event.toEnvelope().payload()).toList();
    }
}
