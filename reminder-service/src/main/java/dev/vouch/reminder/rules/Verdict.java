package dev.vouch.reminder.rules;

import dev.vouch.events.ReminderKind;

import java.time.Instant;
import java.util.Objects;

/**
 * What one rule says about one reminder. The reminder's id is deterministic, so the same facts always give
 * the same verdict on the same id, however often and in whatever order they were seen.
 *
 * @param dueAt      when the reminder is (or would be) due; for an active verdict, when it fires
 * @param deadline   the letter's deadline, for the deadline kinds
 * @param daysBefore the threshold of a DEADLINE_APPROACHING reminder
 * @param variant    which ASK_EARLY case: {@code planned} or {@code short-notice}
 */
public record Verdict(
        String reminderId,
        ReminderKind kind,
        Condition condition,
        Instant dueAt,
        String letterId,
        String mentorId,
        Instant deadline,
        Integer daysBefore,
        String variant,
        boolean escalateToAdvisor) {

    public Verdict {
        Objects.requireNonNull(reminderId, "reminderId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(condition, "condition");
        if (condition.isActive()) {
            Objects.requireNonNull(dueAt, "an active verdict needs its due time");
        }
    }

    public boolean isActive() {
        return condition.isActive();
    }

    /** Whether this verdict would fire by {@code now}. */
    public boolean isDueBy(Instant now) {
        return isActive() && !dueAt.isAfter(now);
    }
}
