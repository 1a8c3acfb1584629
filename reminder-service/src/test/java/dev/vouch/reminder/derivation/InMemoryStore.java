package dev.vouch.reminder.derivation;

import dev.vouch.kit.outbox.EventFactory;
import dev.vouch.kit.outbox.PendingEvent;
import dev.vouch.reminder.lifecycle.StoredReminder;
import dev.vouch.reminder.projection.Letter;
import dev.vouch.reminder.projection.Mentor;
import dev.vouch.reminder.projection.Target;
import dev.vouch.reminder.store.Reminder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.test.util.ReflectionTestUtils;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The derivation store in maps, with the same compare-and-set rules as the MongoDB one, and the kit's stamping
 * of the events a reminder registered.
 */
class InMemoryStore implements DerivationStore {

    final Map<String, Letter> letters = new HashMap<>();
    final Map<String, Mentor> mentors = new HashMap<>();
    final Map<String, Target> targets = new HashMap<>();
    final Map<String, Reminder> reminders = new LinkedHashMap<>();
    final Map<String, Instant> schedule = new LinkedHashMap<>();
    /** What the outbox would publish, in order. */
    final List<PendingEvent> published = new ArrayList<>();
    int reminderWrites;
    int projectionWrites;
    private final EventFactory events;

    InMemoryStore(EventFactory events) {
        this.events = events;
    }

    @Override
    public Map<String, Letter> letters(Collection<String> ids) {
        return found(letters, ids, letter -> letter);
    }

    @Override
    public Map<String, Mentor> mentors(Collection<String> ids) {
        return found(mentors, ids, mentor -> mentor);
    }

    @Override
    public Map<String, StoredReminder> reminders(Collection<String> ids) {
        return found(reminders, ids, Reminder::stored);
    }

    @Override
    public void saveProjections(Collection<ProjectionChange<Letter>> changedLetters,
                                Collection<ProjectionChange<Mentor>> changedMentors) {
        int lost = write(letters, changedLetters, Letter::id, Letter::sequence)
                + write(mentors, changedMentors, Mentor::id, Mentor::sequence);
        if (lost > 0) {
            throw new OptimisticLockingFailureException(lost + " projection(s) changed since they were read");
        }
    }

    @Override
    public Map<String, Target> targets(Collection<String> ids) {
        return found(targets, ids, target -> target);
    }

    @Override
    public void saveTargets(Collection<ProjectionChange<Target>> changed) {
        if (write(targets, changed, Target::id, Target::sequence) > 0) {
            throw new OptimisticLockingFailureException("target(s) changed since they were read");
        }
    }

    @Override
    public synchronized Set<String> saveReminders(Collection<ReminderChange> changed) {
        Set<String> conflicts = new HashSet<>();
        for (ReminderChange change : changed) {
            Reminder stored = reminders.get(change.id());
            boolean fresh = change.readVersion() == 0 ? stored == null
                    : stored != null && stored.loadedVersion() == change.readVersion();
            if (!fresh) {
                conflicts.add(change.id());
                continue;
            }
            Reminder doc = new Reminder(change.tenant(), change.studentId(), change.readVersion(), change.facts(),
                    change.events());
            List<PendingEvent> stamped = doc.stampRegisteredEvents(events, change.readVersion());
            published.addAll(stamped);
            ReflectionTestUtils.setField(doc, "version", change.readVersion() + Math.max(1, stamped.size()));
            reminders.put(change.id(), doc);
            reminderWrites++;
        }
        return conflicts;
    }

    @Override
    public void schedule(Map<String, Instant> nextFireBySubject) {
        nextFireBySubject.forEach((subject, at) -> {
            if (at == null) {
                schedule.remove(subject);
            } else {
                schedule.put(subject, at);
            }
        });
    }

    private <T> int write(Map<String, T> stored, Collection<ProjectionChange<T>> changes, Function<T, String> id,
                          ToLongFunction<T> sequence) {
        int lost = 0;
        for (ProjectionChange<T> change : changes) {
            T current = stored.get(id.apply(change.after()));
            boolean fresh = change.isFirstSeen() ? current == null
                    : current != null && sequence.applyAsLong(current) == sequence.applyAsLong(change.before());
            if (fresh) {
                stored.put(id.apply(change.after()), change.after());
                projectionWrites++;
            } else {
                lost++;
            }
        }
        return lost;
    }

    private static <T, R> Map<String, R> found(Map<String, T> stored, Collection<String> ids, Function<T, R> as) {
        Map<String, R> found = new HashMap<>();
        ids.forEach(id -> {
            if (stored.containsKey(id)) {
                found.put(id, as.apply(stored.get(id)));
            }
        });
        return found;
    }
}
