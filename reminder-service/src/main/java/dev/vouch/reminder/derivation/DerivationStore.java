package dev.vouch.reminder.derivation;

import dev.vouch.reminder.projection.Letter;
import dev.vouch.reminder.projection.Mentor;
import dev.vouch.reminder.reminder.Reminder;

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

    /** Fresh copies of the stored reminders with these ids (missing ones are absent). */
    Map<String, Reminder> reminders(Collection<String> ids);

    /**
     * Writes changed projections. Letters and mentors seen for the first time are also added to their student's
     * index, which lists a student's subjects for the reminder list.
     */
    void saveProjections(Collection<Letter> letters, Collection<Mentor> mentors,
                         Collection<Letter> firstSeenLetters, Collection<Mentor> firstSeenMentors);

    /**
     * Writes reminders: inserts new ones, updates the others only if still at the version they were loaded at.
     * Publishes the events they carry (outbox).
     *
     * @return ids that another writer changed first: reload and decide again
     */
    Set<String> saveReminders(Collection<Reminder> reminders);

    /** Records when each subject next needs the scheduler; a null time means nothing is pending. */
    void schedule(Map<String, Instant> nextFireBySubject);
}
