package dev.vouch.reminder.store;

import dev.vouch.reminder.derivation.DerivationStore;
import dev.vouch.reminder.derivation.ProjectionChange;
import dev.vouch.reminder.derivation.ReminderChange;
import dev.vouch.reminder.lifecycle.StoredReminder;
import dev.vouch.reminder.projection.Letter;
import dev.vouch.reminder.projection.Mentor;
import dev.vouch.reminder.projection.Target;
import org.springframework.dao.OptimisticLockingFailureException;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Derivation's reads and writes against MongoDB. The stream consumer's instance keeps a {@link ProjectionCache}
 * of the projections it writes; the scheduler's reads MongoDB, since any instance may fire any student's
 * reminders.
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
    public Map<String, StoredReminder> reminders(Collection<String> ids) {
        Map<String, StoredReminder> found = new HashMap<>();
        reminders.find(ids).forEach((id, reminder) -> found.put(id, reminder.stored()));
        return found;
    }

    @Override
    public void saveProjections(Collection<ProjectionChange<Letter>> letters, Collection<ProjectionChange<Mentor>> mentors) {
        int lost;
        try {
            lost = projections.save(letters, mentors);
        } catch (RuntimeException e) {
            forgetCached(); // what is stored is uncertain now
            throw e;
        }
        if (lost > 0) {
            forgetCached();
            throw new OptimisticLockingFailureException(lost + " projection(s) changed since they were read");
        }
        if (cache != null) {
            cache.wrote(letters.stream().map(ProjectionChange::after).toList(),
                    mentors.stream().map(ProjectionChange::after).toList());
        }
    }

    @Override
    public Map<String, Target> targets(Collection<String> ids) {
        return projections.targets(ids);
    }

    @Override
    public void saveTargets(Collection<ProjectionChange<Target>> targets) {
        int lost = projections.saveTargets(targets);
        if (lost > 0) {
            throw new OptimisticLockingFailureException(lost + " target(s) changed since they were read");
        }
    }

    @Override
    public Set<String> saveReminders(Collection<ReminderChange> changed) {
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
