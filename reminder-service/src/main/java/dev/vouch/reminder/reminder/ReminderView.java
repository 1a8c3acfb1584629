package dev.vouch.reminder.reminder;

import dev.vouch.reminder.lifecycle.ReminderAgenda;
import dev.vouch.reminder.lifecycle.ReminderState;
import dev.vouch.reminder.store.Reminder;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.vouch.events.ReminderKind;
import dev.vouch.events.ReminderResolution;

import java.time.Instant;

/**
 * A reminder in API responses.
 *
 * @param due          false while it is only coming up; only a due reminder can be marked done, dismissed or snoozed
 * @param dueAt        when it is (or was) due in its current cycle
 * @param firedAt      when it last fired
 * @param snoozedUntil while SNOOZED: when it fires again
 * @param closedAt     for DONE and DISMISSED: when the student closed it
 * @param resolution   why it closed (DONE, DISMISSED, CONDITION_CLEARED)
 * @param version      the stored version (also the ETag); absent for a reminder coming up
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReminderView(
        String id,
        ReminderKind kind,
        ReminderState state,
        boolean due,
        String letterId,
        String mentorId,
        Integer daysBefore,
        Instant dueAt,
        Instant firedAt,
        Instant snoozedUntil,
        Instant closedAt,
        ReminderResolution resolution,
        String title,
        String message,
        boolean escalateToAdvisor,
        Long version) {

    static ReminderView of(ReminderAgenda.Item item) {
        return new ReminderView(item.id(), item.kind(), item.state(), item.due(), item.letterId(), item.mentorId(),
                item.daysBefore(), item.dueAt(), item.firedAt(), item.snoozedUntil(), item.closedAt(),
                item.resolution(), item.title(), item.message(), item.escalateToAdvisor(), item.version());
    }

    static ReminderView of(Reminder reminder) {
        return of(ReminderAgenda.Item.stored(reminder.stored()));
    }
}
