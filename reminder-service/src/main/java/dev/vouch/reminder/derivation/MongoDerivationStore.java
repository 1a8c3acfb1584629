package dev.vouch.reminder.derivation;

import dev.vouch.reminder.projection.Letter;
import dev.vouch.reminder.projection.Mentor;
import dev.vouch.reminder.projection.ProjectionStore;
import dev.vouch.reminder.reminder.Reminder;
import dev.vouch.reminder.reminder.ReminderStore;
import dev.vouch.reminder.scheduler.ReminderSchedule;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * Derivation's reads and writes against MongoDB, through the stores of each feature. The stream consumer's
 * instance keeps a {@link ProjectionCache} of the projections it writes; the scheduler's reads MongoDB.
 */
public class MongoDerivationStore implements DerivationStore {

    private final ProjectionStore projections;
    private final ReminderStore reminders;
    private final ReminderSchedule schedule;
    private final ProjectionCache cache;

    /** @param cacheCapacity letters and mentors kept in memory each; 0 for none */
    public MongoDerivationStore(ProjectionStore projections, ReminderStore reminders, ReminderSchedule schedule,
                                int cacheCapacity) {
        this.projections = projections;
        this.reminders = reminders;
        this.schedule = schedule;
        this.cache = cacheCapacity > 0 ? new ProjectionCache(cacheCapacity) : null;
    }

    /** Forgets cached projections: partitions moved, another consumer may write them now. */
    public void forgetCached() {
        if (cache != null) {
            cache.clear();
        }
    }

    @Override
    public Map<String, Letter> letters(Collection<String> ids) {
        return cache == null ? projections.letters(ids) : cache.letters(ids, projections::letters);
    }

    @Override
    public Map<String, Mentor> mentors(Collection<String> ids) {
        return cache == null ? projections.mentors(ids) : cache.mentors(ids, projections::mentors);
    }

    @Override
    public Map<String, Reminder> reminders(Collection<String> ids) {
        return reminders.find(ids);
    }

    @Override
    public void saveProjections(Collection<Letter> letters, Collection<Mentor> mentors,
                                Collection<Letter> firstSeenLetters, Collection<Mentor> firstSeenMentors) {
        try {
            projections.save(letters, mentors, firstSeenLetters, firstSeenMentors);
        } catch (RuntimeException e) {
            forgetCached(); // what is stored is uncertain now
            throw e;
        }
        if (cache != null) {
            cache.wrote(letters, mentors);
        }
    }

    @Override
    public Set<String> saveReminders(Collection<Reminder> changed) {
        return reminders.save(changed);
    }

    @Override
    public void schedule(Map<String, Instant> nextFireBySubject) {
        if (cache == null) {
            schedule.arm(nextFireBySubject);
            return;
        }
        Map<String, Instant> changed = cache.changedSchedule(nextFireBySubject);
        try {
            schedule.arm(changed);
        } catch (RuntimeException e) {
            forgetCached();
            throw e;
        }
        cache.scheduled(changed);
    }
}
