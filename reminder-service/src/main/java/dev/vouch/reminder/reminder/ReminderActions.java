package dev.vouch.reminder.reminder;

import dev.vouch.events.ReminderResolution;
import dev.vouch.kit.outbox.EventFactory;
import dev.vouch.kit.security.AccessScope;
import dev.vouch.kit.web.ConflictException;
import dev.vouch.kit.web.InvalidFieldException;
import dev.vouch.kit.web.NotFoundException;
import dev.vouch.kit.web.Versions;
import dev.vouch.reminder.scheduler.ReminderSchedule;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * What a student does with a due reminder: mark it done, dismiss it (both publish ReminderResolved through the
 * outbox) or snooze it until a later time. Each is a compare-and-set on the reminder's version, retried a few
 * times when the scheduler or the stream consumer changed the reminder at the same moment.
 */
@Component
class ReminderActions {

    private static final int ATTEMPTS = 3;

    private final ReminderStore store;
    private final ReminderQueries queries;
    private final ReminderSchedule schedule;
    private final EventFactory events;
    private final Clock clock;

    ReminderActions(ReminderStore store, ReminderQueries queries, ReminderSchedule schedule, EventFactory events,
                    Clock clock) {
        this.store = store;
        this.queries = queries;
        this.schedule = schedule;
        this.events = events;
        this.clock = clock;
    }

    Reminder close(AccessScope scope, String id, ReminderResolution resolution, String ifMatch) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Reminder reminder = actionable(scope, id, ifMatch);
            reminder.close(resolution, events);
            if (store.save(List.of(reminder)).isEmpty()) {
                return reminder;
            }
        }
        throw new OptimisticLockingFailureException("Reminder " + id + " kept changing");
    }

    Reminder snooze(AccessScope scope, String id, Instant until, String ifMatch) {
        Instant now = clock.instant();
        if (until == null) {
            throw new InvalidFieldException("until", "is required: the time the reminder should fire again");
        }
        if (!until.isAfter(now)) {
            throw new InvalidFieldException("until", "must be in the future");
        }
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Reminder reminder = actionable(scope, id, ifMatch);
            reminder.snooze(until, events);
            if (store.save(List.of(reminder)).isEmpty()) {
                schedule.armNoLaterThan(reminder.subject(), reminder.getSnoozedUntil());
                return reminder;
            }
        }
        throw new OptimisticLockingFailureException("Reminder " + id + " kept changing");
    }

    private Reminder actionable(AccessScope scope, String id, String ifMatch) {
        Reminder reminder = store.find(id);
        if (reminder == null || !scope.covers(reminder)) {
            boolean comingUp = queries.agenda(scope).stream().anyMatch(item -> item.id().equals(id));
            if (comingUp) {
                throw new ConflictException("reminder-not-due", "Reminder " + id
                        + " is not due yet; it can be marked done, dismissed or snoozed once it is")
                        .with("currentState", ReminderState.OPEN).with("due", false);
            }
            throw new NotFoundException("Reminder", id);
        }
        if (ifMatch != null) {
            Versions.requireMatch(ifMatch, reminder.loadedVersion());
        }
        if (!reminder.getState().isActionable()) {
            throw new ConflictException("reminder-closed", "Reminder " + id + " is " + reminder.getState()
                    + "; only OPEN or SNOOZED reminders can be marked done, dismissed or snoozed")
                    .with("currentState", reminder.getState());
        }
        return reminder;
    }

}
