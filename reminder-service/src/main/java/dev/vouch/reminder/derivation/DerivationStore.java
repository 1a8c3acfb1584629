package dev.vouch.reminder.derivation;

import dev.vouch.reminder.lifecycle.StoredReminder;
import dev.vouch.reminder.projection.Letter;
import dev.vouch.reminder.projection.Mentor;
import dev.vouch.reminder.projection.Target;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * What derivation reads and writes, in bulk: projections, reminders and the schedule of subjects with work
 * pending. MongoDB in the service; maps in unit tests.
 */
public interface DerivationStore {

    Map<String, Letter> letters(Collection<String> ids);

    Map<String, Mentor> mentors(Collection<String> ids);

    Map<String, StoredReminder> reminders(Collection<String> ids);

    Map<String, Target> targets(Collection<String> ids);

    /**
     * Writes changed target projections under the same sequence guard as {@link #saveProjections}, and adds
     * targets seen for the first time to their student's index.
     */
    void saveTargets(Collection<ProjectionChange<Target>> targets);

    /**
     * Writes changed projections, each only if what is stored is still what was read: the sequence guard is in
     * the write's filter, so a copy folded from stale state never overwrites a newer one. Letters and mentors
     * seen for the first time are also added to their student's index, which lists a student's subjects for the
     * reminder list.
     *
     * @throws org.springframework.dao.OptimisticLockingFailureException when another writer got there first
     */
    void saveProjections(Collection<ProjectionChange<Letter>> letters, Collection<ProjectionChange<Mentor>> mentors);

    /**
     * Writes reminders with their events (through the outbox): inserts new ones, updates the others only if
     * still at the version they were read at.
     *
     * @return ids that another writer created or changed first: read them again and decide again
     */
    Set<String> saveReminders(Collection<ReminderChange> changes);

    /** Records when each subject next needs the scheduler; a null time means nothing is pending. */
    void schedule(Map<String, Instant> nextFireBySubject);
}
