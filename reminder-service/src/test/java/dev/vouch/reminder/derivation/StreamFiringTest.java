package dev.vouch.reminder.derivation;

import dev.vouch.events.DeadlineApproaching;
import dev.vouch.events.ReminderKind;
import dev.vouch.kit.outbox.PendingEvent;
import dev.vouch.reminder.ReminderDefaults;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static dev.vouch.reminder.Facts.BOTH;
import static dev.vouch.reminder.Facts.days;
import static dev.vouch.reminder.Facts.mentorAdded;
import static dev.vouch.reminder.Facts.requested;
import static dev.vouch.reminder.derivation.World.dueIds;
import static org.assertj.core.api.Assertions.assertThat;

/** What is due when the stream derives it fires in the stream's own pass once caught up, and only then. */
class StreamFiringTest {

    @Test
    void aReminderDueOnArrivalFiresInTheSamePassAndNotAgainAtTheTick() {
        World world = new World(ReminderDefaults.policy(), true);
        world.send(mentorAdded("M1", "Dr. Rivera", 90));
        Instant deadline = world.clock.instant().plus(days(5));
        int before = world.store.published.size();

        Judgement.Outcome outcome = world.send(requested("L1", "M1", deadline, world.clock.instant(), BOTH));

        assertThat(outcome.fired()).contains(ReminderKind.DEADLINE_APPROACHING);
        assertThat(world.publishedSince(before))
                .contains(new DeadlineApproaching("DEADLINE_APPROACHING:L1:7", "L1", "M1", deadline, 7));
        assertThat(world.store.schedule).as("the next threshold is scheduled, not the one fired")
                .containsEntry("letter:L1", deadline.minus(days(3)));
        assertThat(dueIds(world.tick())).as("the tick finds nothing left to fire").isEmpty();

        world.send(requested("L1", "M1", deadline, world.clock.instant(), BOTH), 1);
        assertThat(world.store.published).as("a redelivered request fires nothing twice")
                .filteredOn(event -> event.type().equals("dev.vouch.DeadlineApproaching.v1")).hasSize(1);
    }

    @Test
    void whileCatchingUpNothingFiresUntilTheSchedulerRunsAfterTheGateOpens() {
        World world = new World(ReminderDefaults.policy(), true);
        world.caughtUp = false;
        world.send(mentorAdded("M1", "Dr. Rivera", 90));
        Instant deadline = world.clock.instant().plus(days(5));
        int before = world.store.published.size();

        Judgement.Outcome outcome = world.send(requested("L1", "M1", deadline, world.clock.instant(), BOTH));

        assertThat(outcome.fired()).isEmpty();
        assertThat(world.publishedSince(before)).isEmpty();
        world.caughtUp = true;
        assertThat(dueIds(world.tick())).contains("DEADLINE_APPROACHING:L1:7");
    }

    @Test
    void firingInTheStreamArrivesWhereTheTickWould() {
        World streamFires = new World(ReminderDefaults.policy(), true);
        World tickFires = new World(ReminderDefaults.policy(), false);
        for (World world : List.of(streamFires, tickFires)) {
            world.send(mentorAdded("M1", "Dr. Rivera", 90));
            world.send(requested("L1", "M1", world.clock.instant().plus(days(5)), world.clock.instant(), BOTH));
            world.tick();
        }
        assertThat(types(streamFires.store.published)).isEqualTo(types(tickFires.store.published));
        assertThat(streamFires.store.schedule).isEqualTo(tickFires.store.schedule);
        assertThat(streamFires.state("DEADLINE_APPROACHING:L1:7")).isEqualTo(tickFires.state("DEADLINE_APPROACHING:L1:7"));
    }

    private static List<String> types(List<PendingEvent> events) {
        return events.stream().map(PendingEvent::type).sorted().toList();
    }
}
