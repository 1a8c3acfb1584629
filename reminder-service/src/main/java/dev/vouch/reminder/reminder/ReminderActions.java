package dev.vouch.reminder.reminder;

import dev.vouch.events.ReminderResolution;
import dev.vouch.kit.outbox.ConflictRetry;
import dev.vouch.kit.security.AccessScope;
import dev.vouch.kit.web.ConflictException;
import dev.vouch.kit.web.InvalidFieldException;
import dev.vouch.kit.web.NotFoundException;
import dev.vouch.kit.web.Versions;
import dev.vouch.reminder.lifecycle.ReminderFacts;
import dev.vouch.reminder.lifecycle.ReminderState;
import dev.vouch.reminder.store.Reminder;
import dev.vouch.reminder.store.ReminderSchedule;
import dev.vouch.reminder.store.ReminderStore;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;

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
    private final Clock clock;

    ReminderActions(ReminderStore store, ReminderQueries queries, ReminderSchedule schedule, Clock clock) {
        this.store = store;
        this.queries = queries;
        this.schedule = schedule;
        this.clock = clock;
    }

    Reminder close(AccessScope scope, String id, ReminderResolution resolution, String ifMatch) {
        return act(scope, id, ifMatch, facts -> facts.close(resolution, clock.instant()));
    }

    Reminder snooze(AccessScope scope, String id, Instant until, String ifMatch) {
        if (until == null) {
            throw new InvalidFieldException("until", "is required: the time the reminder should fire again");
        }
        if (!until.isAfter(clock.instant())) {
            throw new InvalidFieldException("until", "must be in the future");
        }
        Reminder snoozed = act(scope, id, ifMatch, facts -> facts.snooze(until, clock.instant()));
        schedule.armNoLaterThan(snoozed.facts().subject(), snoozed.getSnoozedUntil());
        return snoozed;
    }

    private Reminder act(AccessScope scope, String id, String ifMatch, Function<ReminderFacts, ReminderFacts.Step> action) {
        return ConflictRetry.retrying(ATTEMPTS, () -> {
            Reminder reminder = actionable(scope, id, ifMatch);
            ReminderFacts.Step step = action.apply(reminder.facts());
            reminder.change(step.facts(), step.events());
            return store.save(reminder);
        });
    }

    private Reminder actionable(AccessScope scope, String id, String ifMatch) {
        Reminder reminder = store.find(id);
        if (reminder == null || !scope.covers(reminder)) {
            boolean comingUp = queries.agenda(scope).stream().anyMatch(item -> item.id().equals(id));
            if (comingUp) {
                throw new ConflictException("reminder-not-due", "Reminder " + id
                        + " is not due yet; it can be marked done, dismissed or snoozed once it is")
                        .with("currentState", ReminderState.UPCOMING).with("due", false);
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
