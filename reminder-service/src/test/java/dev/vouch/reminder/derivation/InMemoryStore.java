package dev.vouch.reminder.derivation;

import dev.vouch.kit.outbox.PendingEvent;
import dev.vouch.reminder.projection.Letter;
import dev.vouch.reminder.projection.Mentor;
import dev.vouch.reminder.reminder.Reminder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The derivation store in maps, with the same compare-and-set rules as the MongoDB one. */
class InMemoryStore implements DerivationStore {

    final Map<String, Letter> letters = new HashMap<>();
    final Map<String, Mentor> mentors = new HashMap<>();
    final Map<String, Reminder> reminders = new LinkedHashMap<>();
    final Map<String, Instant> schedule = new LinkedHashMap<>();
    /** What the outbox would publish, in order. */
    final List<PendingEvent> published = new ArrayList<>();
    int reminderWrites;
    int projectionWrites;

    @Override
    public Map<String, Letter> letters(Collection<String> ids) {
        Map<String, Letter> found = new HashMap<>();
        ids.forEach(id -> {
            if (letters.containsKey(id)) {
                found.put(id, letters.get(id));
            }
        });
        return found;
    }

    @Override
    public Map<String, Mentor> mentors(Collection<String> ids) {
        Map<String, Mentor> found = new HashMap<>();
        ids.forEach(id -> {
            if (mentors.containsKey(id)) {
                found.put(id, mentors.get(id));
            }
        });
        return found;
    }

    @Override
    public Map<String, Reminder> reminders(Collection<String> ids) {
        Map<String, Reminder> found = new HashMap<>();
        ids.forEach(id -> {
            if (reminders.containsKey(id)) {
                found.put(id, reminders.get(id).copy());
            }
        });
        return found;
    }

    @Override
    public void saveProjections(Collection<Letter> changedLetters, Collection<Mentor> changedMentors,
                                Collection<Letter> firstSeenLetters, Collection<Mentor> firstSeenMentors) {
        changedLetters.forEach(letter -> letters.put(letter.id(), letter));
        changedMentors.forEach(mentor -> mentors.put(mentor.id(), mentor));
        projectionWrites += changedLetters.size() + changedMentors.size();
    }

    @Override
    public synchronized Set<String> saveReminders(Collection<Reminder> changed) {
        Set<String> conflicts = new HashSet<>();
        for (Reminder reminder : changed) {
            Reminder stored = reminders.get(reminder.getId());
            boolean fresh = reminder.isNew() ? stored == null
                    : stored != null && stored.loadedVersion() == reminder.loadedVersion();
            if (!fresh) {
                conflicts.add(reminder.getId());
                continue;
            }
            published.addAll(reminder.newEvents());
            long next = reminder.nextVersion();
            Reminder copy = reminder.copy();
            copy.written(next);
            reminders.put(reminder.getId(), copy);
            reminder.written(next);
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
}
