package dev.vouch.request.letter;

import dev.vouch.kit.web.InvalidFieldException;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.Map;

/** Reads the two JSON shapes of a deadline: a date-time string, or {"date", "timeZone"} for a whole day. */
final class DeadlineJson {

    private DeadlineJson() {
    }

    /** The object shape, for the API description. */
    @Schema(name = "DayInZone", description = "A whole day in a time zone: the deadline is 23:59:59 that day there")
    record DayInZone(@Schema(example = "2027-01-15", requiredMode = Schema.RequiredMode.REQUIRED) String date,
                     @Schema(example = "America/New_York", requiredMode = Schema.RequiredMode.REQUIRED) String timeZone) {
    }

    /** {@code value} as Jackson reads an untyped JSON value: a String, a Map for an object, or anything else. */
    static Instant read(Object value) {
        if (value == null) {
            throw new InvalidDeadlineException("is required");
        }
        if (value instanceof String text) {
            return Deadline.parse(text);
        }
        if (value instanceof Map<?, ?> day) {
            // As strict as every other body: a member the day shape does not have is refused, not ignored.
            for (Object key : day.keySet()) {
                if (!"date".equals(key) && !"timeZone".equals(key)) {
                    throw new InvalidFieldException("deadline." + key, "is not a known field");
                }
            }
        }
        if (value instanceof Map<?, ?> day && day.get("date") instanceof String date
                && day.get("timeZone") instanceof String timeZone) {
            return Deadline.endOfDay(date, timeZone);
        }
        throw new InvalidDeadlineException("must be an ISO-8601 date-time such as \"2027-01-15T17:00:00Z\", "
                + "or {\"date\":\"2027-01-15\",\"timeZone\":\"America/New_York\"}");
    }
}
