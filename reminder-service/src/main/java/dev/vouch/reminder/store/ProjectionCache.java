package dev.vouch.reminder.store;

import dev.vouch.reminder.projection.Letter;
import dev.vouch.reminder.projection.Mentor;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The stream consumer's copy of the projections it writes, so a batch does not read back what the previous one
 * wrote, and of the schedule times it wrote, so an unchanged one is not written again. Safe because a student's letters and mentors are only ever written by the one consumer that owns the
 * student's partitions; the cache is cleared whenever partitions move ({@link EventStreamListener}), and the
 * scheduler and the API never use it. Bounded: least recently used entries go first.
 */
final class ProjectionCache {

    private final Map<String, Letter> letters;
    private final Map<String, Mentor> mentors;
    /** The next fire time this process last wrote for a subject; {@link #NOTHING} for a removed entry. */
    private final Map<String, Instant> scheduled;

    private static final Instant NOTHING = Instant.MIN;

    ProjectionCache(int capacity) {
        this.letters = lru(capacity);
        this.mentors = lru(capacity);
        this.scheduled = lru(capacity);
    }

    /**
     * The subjects whose next fire time differs from what this process last wrote for them. One that equals it
     * needs no write: the entry can only have changed since through a scheduler that fired or re-judged the
     * subject from the same projections, which would have moved its next fire time too.
     */
    synchronized Map<String, Instant> changedSchedule(Map<String, Instant> next) {
        Map<String, Instant> changed = new LinkedHashMap<>();
        next.forEach((subject, at) -> {
            if (!Objects.equals(scheduled.get(subject), at == null ? NOTHING : at)) {
                changed.put(subject, at);
            }
        });
        return changed;
    }

    synchronized void scheduled(Map<String, Instant> written) {
        written.forEach((subject, at) -> scheduled.put(subject, at == null ? NOTHING : at));
    }

    synchronized Map<String, Letter> letters(Collection<String> ids, Function<Collection<String>, Map<String, Letter>> load) {
        return read(letters, ids, load);
    }

    synchronized Map<String, Mentor> mentors(Collection<String> ids, Function<Collection<String>, Map<String, Mentor>> load) {
        return read(mentors, ids, load);
    }

    synchronized void wrote(Collection<Letter> changedLetters, Collection<Mentor> changedMentors) {
        changedLetters.forEach(letter -> letters.put(letter.id(), letter));
        changedMentors.forEach(mentor -> mentors.put(mentor.id(), mentor));
    }

    synchronized void clear() {
        letters.clear();
        mentors.clear();
        scheduled.clear();
    }

    private static <T> Map<String, T> read(Map<String, T> cache, Collection<String> ids,
                                           Function<Collection<String>, Map<String, T>> load) {
        Map<String, T> found = new HashMap<>();
        List<String> missing = new java.util.ArrayList<>();
        for (String id : ids) {
            T cached = cache.get(id);
            if (cached != null) {
                found.put(id, cached);
            } else {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            Map<String, T> loaded = load.apply(missing);
            cache.putAll(loaded);
            found.putAll(loaded);
        }
        return found;
    }

    private static <T> Map<String, T> lru(int capacity) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, T> eldest) {
                return size() > capacity;
            }
        };
    }
}
