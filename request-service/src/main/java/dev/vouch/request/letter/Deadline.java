package dev.vouch.request.letter;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The ways a student may write a deadline, and the rule that it lies ahead. Deadlines are kept to the
 * second: portals do not close at a fraction of one.
 */
public final class Deadline {

    /** A deadline given as a day means the end of that day where the student (or the portal) is. */
    static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

    private Deadline() {
    }

    /**
     * An ISO-8601 date-time that fixes the instant: {@code 2027-01-15T17:00:00Z}, {@code 2027-01-15T12:00:00-05:00}
     * or {@code 2027-01-15T12:00:00-05:00[America/New_York]}.
     */
    public static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidDeadlineException("is required");
        }
        try {
            // An offset is required (a zone id may follow it): without one the instant is unknown and parsing fails.
            return ZonedDateTime.parse(text.strip(), DateTimeFormatter.ISO_DATE_TIME).toInstant().truncatedTo(ChronoUnit.SECONDS);
        } catch (DateTimeParseException e) {
            throw new InvalidDeadlineException("'" + text + "' is not an ISO-8601 date-time with an offset or zone, "
                    + "e.g. 2027-01-15T17:00:00Z; for a whole day send {\"date\":\"2027-01-15\",\"timeZone\":\"America/New_York\"}");
        }
    }

    /** The last second (23:59:59) of {@code date} in {@code timeZone}, e.g. 2027-01-15 in America/New_York. */
    public static Instant endOfDay(String date, String timeZone) {
        LocalDate day;
        try {
            day = LocalDate.parse(date == null ? "" : date.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidDeadlineException("date '" + date + "' is not an ISO-8601 date, e.g. 2027-01-15");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(timeZone == null ? "" : timeZone.strip());
        } catch (DateTimeException e) {
            throw new InvalidDeadlineException("timeZone '" + timeZone + "' is not a time zone id, e.g. America/New_York");
        }
        return day.atTime(END_OF_DAY).atZone(zone).toInstant();
    }

    /** A deadline must lie after {@code now}: nobody can be asked to write for a date already gone. */
    public static void requireFuture(Instant deadline, Instant now) {
        if (!deadline.isAfter(now)) {
            throw new InvalidDeadlineException("must be in the future (it is " + deadline + ", now is " + now + ")");
        }
    }
}
