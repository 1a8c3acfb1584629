package dev.vouch.reminder.derivation;

import dev.vouch.events.ContactType;
import dev.vouch.events.EventEnvelope;
import dev.vouch.events.LetterAccepted;
import dev.vouch.events.LetterDeadlineChanged;
import dev.vouch.events.LetterMaterialsShared;
import dev.vouch.events.LetterSubmitted;
import dev.vouch.events.Material;
import dev.vouch.events.ReminderResolution;
import dev.vouch.events.VouchEvent;
import dev.vouch.reminder.store.Reminder;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.vouch.reminder.Facts.BOTH;
import static dev.vouch.reminder.Facts.contact;
import static dev.vouch.reminder.Facts.days;
import static dev.vouch.reminder.Facts.mentorAdded;
import static dev.vouch.reminder.Facts.requested;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rebuild reads the three topics from the beginning into an empty store, in whatever interleaving the
 * broker serves them. It must arrive at the live run's reminders, and announce nothing a second time.
 */
class ReplayTest {

    final World live = new World();

    @Test
    void rebuildingFromTheTopicsGivesTheLiveRemindersInAnyInterleaving() {
        liveStory();
        Map<String, String> expected = snapshot(live);

        List<EventEnvelope<VouchEvent>> inputs = List.copyOf(live.sent);
        List<EventEnvelope<VouchEvent>> reminders = live.reminderTopic();

        List<List<EventEnvelope<VouchEvent>>> orders = List.of(
                concat(reminders, inputs),                  // the service's own topic first
                concat(inputs, reminders),                  // its own topic last
                interleave(inputs, reminders),              // one of each in turn
                concat(lettersFirst(inputs), reminders));   // letters before mentors

        for (List<EventEnvelope<VouchEvent>> order : orders) {
            World rebuilt = new World();
            rebuilt.clock.set(live.clock.instant());
            rebuilt.caughtUp = false;
            for (int i = 0; i < order.size(); i += 7) { // batches of a few, as polls come
                rebuilt.stream.apply(order.subList(i, Math.min(order.size(), i + 7)), rebuilt.clock.instant(), false);
            }
            rebuilt.caughtUp = true;

            assertThat(snapshot(rebuilt)).isEqualTo(expected);
            assertThat(rebuilt.tick()).as("nothing already announced is announced again").isEmpty();
            assertThat(rebuilt.store.published).isEmpty();
        }
    }

    /**
     * A rebuild reads a firing from the reminders topic before any of the letter's events (a reminder without its
     * letter), then the letter's whole story, its submission included, in one poll; the live service's clearing
     * is not on the topic (it stopped before publishing it). Once caught up, the rebuild clears the reminder
     * itself, as the live service did.
     */
    @Test
    void aReminderReadBeforeItsLettersEventsIsClearedWhenTheLetterArrivesWhole() {
        Instant start = live.clock.instant();
        live.send(mentorAdded("M1", "Dr. Rivera", 30));
        live.send(requested("L1", "M1", start.plus(days(5)), start, BOTH));
        List<String> fired = World.dueIds(live.tick());
        assertThat(fired).as("a deadline reminder fired live").isNotEmpty();
        List<EventEnvelope<VouchEvent>> reminders = live.reminderTopic();
        live.send(new LetterSubmitted("L1", "M1"));
        List<EventEnvelope<VouchEvent>> inputs = List.copyOf(live.sent);

        World rebuilt = new World();
        rebuilt.clock.set(live.clock.instant());
        rebuilt.caughtUp = false;
        rebuilt.stream.apply(reminders, rebuilt.clock.instant(), false);
        rebuilt.stream.apply(inputs, rebuilt.clock.instant(), false);
        rebuilt.caughtUp = true;
        List<VouchEvent> announced = rebuilt.tick().stream().map(event -> World.envelope(event).payload()).toList();

        assertThat(World.resolvedIds(announced, ReminderResolution.CONDITION_CLEARED)).containsAll(fired);
        fired.forEach(id -> assertThat(rebuilt.state(id)).as(id).isEqualTo(live.state(id)));
    }

    /** Fires, a snooze-free student action, clearings, a new cycle and a moved deadline. */
    private void liveStory() {
        Instant start = live.clock.instant();
        live.send(mentorAdded("M1", "Dr. Rivera", 30));
        live.send(mentorAdded("M2", "Dr. Okafor", 60));
        live.send(requested("L1", "M1", start.plus(days(20)), start, java.util.Set.of(Material.TRANSCRIPT)));
        live.send(requested("L2", "M2", start.plus(days(5)), start, BOTH));
        live.tick();
        live.advance(days(2));
        live.close("DEADLINE_APPROACHING:L2:7", ReminderResolution.DONE);
        live.send(new LetterMaterialsShared("L1", "M1", BOTH));
        live.advance(days(4));
        live.send(new LetterAccepted("L1", "M1"));
        live.send(new LetterSubmitted("L2", "M2"));
        live.advance(days(4));
        live.send(contact("M2", ContactType.THANK_YOU, live.clock.instant()));
        live.send(new LetterDeadlineChanged("L1", "M1", start.plus(days(20)), start.plus(days(40))));
        live.advance(days(22));
        live.send(contact("M1", ContactType.CALL, live.clock.instant()));
        live.advance(days(3));
        assertThat(live.store.reminders).hasSizeGreaterThan(5);
    }

    private static Map<String, String> snapshot(World world) {
        Map<String, String> snapshot = new TreeMap<>();
        for (Reminder reminder : world.store.reminders.values()) {
            snapshot.put(reminder.getId(), reminder.getKind() + " " + reminder.getState() + " due " + reminder.getDueAt()
                    + " fired " + reminder.getFiredAt() + " next " + reminder.nextFireAt());
        }
        world.store.schedule.forEach((subject, at) -> snapshot.put("schedule " + subject, String.valueOf(at)));
        return snapshot;
    }

    private static List<EventEnvelope<VouchEvent>> concat(List<EventEnvelope<VouchEvent>> a, List<EventEnvelope<VouchEvent>> b) {
        List<EventEnvelope<VouchEvent>> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static List<EventEnvelope<VouchEvent>> interleave(List<EventEnvelope<VouchEvent>> a, List<EventEnvelope<VouchEvent>> b) {
        List<EventEnvelope<VouchEvent>> all = new ArrayList<>();
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            if (i < a.size()) {
                all.add(a.get(i));
            }
            if (i < b.size()) {
                all.add(b.get(i));
            }
        }
        return all;
    }

    private static List<EventEnvelope<VouchEvent>> lettersFirst(List<EventEnvelope<VouchEvent>> inputs) {
        List<EventEnvelope<VouchEvent>> letters = inputs.stream().filter(e -> e.payload() instanceof dev.vouch.events.LetterEvent).toList();
        List<EventEnvelope<VouchEvent>> rest = inputs.stream().filter(e -> !(e.payload() instanceof dev.vouch.events.LetterEvent)).toList();
        return concat(letters, rest);
    }
}
