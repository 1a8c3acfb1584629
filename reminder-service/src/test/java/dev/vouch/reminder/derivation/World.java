package dev.vouch.reminder.derivation;

import dev.vouch.reminder.ReminderDefaults;
import dev.vouch.events.EventCodec;
import dev.vouch.events.EventEnvelope;
import dev.vouch.events.EventType;
import dev.vouch.events.ReminderDue;
import dev.vouch.events.ReminderEvent;
import dev.vouch.events.ReminderResolution;
import dev.vouch.events.ReminderResolved;
import dev.vouch.events.VouchEvent;
import dev.vouch.kit.outbox.EventFactory;
import dev.vouch.kit.outbox.PendingEvent;
import dev.vouch.reminder.lifecycle.ReminderFacts;
import dev.vouch.reminder.lifecycle.StoredReminder;
import dev.vouch.reminder.store.Reminder;
import dev.vouch.reminder.stream.StreamDerivation;
import dev.vouch.reminder.lifecycle.ReminderState;
import dev.vouch.reminder.rules.ReminderPolicy;
import dev.vouch.reminder.rules.ReminderRules;
import dev.vouch.testsupport.MutableClock;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One student's world for unit tests: events go in as another service would send them, time moves by hand,
 * {@link #tick()} runs the scheduler's firing over the subjects due. Everything is the service's own logic;
 * only the store is maps.
 */
class World {

    static final Instant START = Instant.parse("2027-01-04T09:00:00Z");
    static final String TENANT = "lakeside";
    static final String STUDENT = "student-1";

    final MutableClock clock = new MutableClock(START);
    final EventFactory events = new EventFactory("reminder-service", clock);
    final InMemoryStore store = new InMemoryStore(events);
    final Judgement judgement;
    final StreamDerivation stream;
    /** Every envelope sent in, in order: the topics' content, for replays. */
    final List<EventEnvelope<VouchEvent>> sent = new ArrayList<>();
    private final Map<String, Long> sequences = new HashMap<>();
    boolean caughtUp = true;

    World() {
        this(ReminderDefaults.policy());
    }

    World(ReminderPolicy policy) {
        this(policy, false);
    }

    /** @param streamFires whether the stream fires what is due in its own pass (as the service does), or leaves it to {@link #tick} */
    World(ReminderPolicy policy, boolean streamFires) {
        judgement = new Judgement(new ReminderRules(policy), store);
        stream = new StreamDerivation(judgement, store, streamFires);
    }

    /** Sends an event of the next sequence of its aggregate, happening now. */
    Judgement.Outcome send(VouchEvent event) {
        long sequence = sequences.merge(event.subject(), 1L, Long::sum);
        return send(event, sequence);
    }

    Judgement.Outcome send(VouchEvent event, long sequence) {
        EventEnvelope<VouchEvent> envelope = new EventEnvelope<>(UUID.randomUUID().toString(),
                EventType.of(event).ceType(), URI.create("/vouch/test"), clock.instant(), event.subject(), TENANT,
                STUDENT, sequence, event);
        return deliver(List.of(envelope));
    }

    Judgement.Outcome deliver(List<EventEnvelope<VouchEvent>> batch) {
        sent.addAll(batch);
        return stream.apply(batch, clock.instant(), caughtUp);
    }

    /** The scheduler's tick: fires what is due for every subject due by now. */
    List<PendingEvent> tick() {
        int before = store.published.size();
        Instant now = clock.instant();
        List<String> due = store.schedule.entrySet().stream().filter(e -> !e.getValue().isAfter(now))
                .map(Map.Entry::getKey).toList();
        if (!due.isEmpty()) {
            Judgement.Outcome outcome = judgement.fire(due, now);
            store.schedule(outcome.schedule());
        }
        return List.copyOf(store.published.subList(before, store.published.size()));
    }

    List<PendingEvent> advance(Duration duration) {
        clock.advance(duration);
        return tick();
    }

    /** A student's action, as the API does it. */
    void close(String reminderId, ReminderResolution resolution) {
        StoredReminder reminder = store.reminders(List.of(reminderId)).get(reminderId);
        ReminderFacts.Step closed = reminder.facts().close(resolution, clock.instant());
        store.saveReminders(List.of(new ReminderChange(reminder.tenant(), reminder.studentId(), reminder.version(),
                closed.facts(), closed.events())));
    }

    Reminder reminder(String id) {
        return store.reminders.get(id);
    }

    ReminderState state(String id) {
        Reminder reminder = reminder(id);
        return reminder == null ? null : reminder.getState();
    }

    /** The events published since index {@code from}, decoded. */
    List<VouchEvent> publishedSince(int from) {
        return store.published.subList(from, store.published.size()).stream()
                .map(event -> envelope(event).payload()).toList();
    }

    List<VouchEvent> published() {
        return publishedSince(0);
    }

    /** The reminder topic as a subscriber (or a rebuild) would read it. */
    List<EventEnvelope<VouchEvent>> reminderTopic() {
        return store.published.stream().map(World::envelope).toList();
    }

    static List<String> dueIds(List<PendingEvent> events) {
        return events.stream().map(event -> envelope(event).payload())
                .filter(ReminderDue.class::isInstance).map(e -> ((ReminderEvent) e).reminderId()).toList();
    }

    /** A published event as a subscriber decodes it. */
    static EventEnvelope<VouchEvent> envelope(PendingEvent event) {
        return new EventEnvelope<>(event.eventId(), event.type(), URI.create(event.source()), event.time(),
                event.subject(), event.tenant(), event.studentId(), event.sequence(),
                EventCodec.decode(event.type(), event.payload().getBytes(StandardCharsets.UTF_8)));
    }

    static List<String> resolvedIds(List<VouchEvent> events, ReminderResolution resolution) {
        return events.stream().filter(ReminderResolved.class::isInstance).map(ReminderResolved.class::cast)
                .filter(r -> r.resolution() == resolution).map(ReminderResolved::reminderId).toList();
    }
}
