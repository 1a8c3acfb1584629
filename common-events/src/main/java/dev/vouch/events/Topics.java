package dev.vouch.events;

import java.util.List;

/**
 * Kafka topic names. Records are keyed by student id, so one student's events stay in order per topic; writer
 * events, which name no student, are keyed by writer id.
 */
public final class Topics {

    public static final String MENTORS = "vouch.mentors";
    public static final String LETTERS = "vouch.letters";
    public static final String REMINDERS = "vouch.reminders";
    /** Tenant-scoped writer events, keyed by writer id. */
    public static final String WRITERS = "vouch.writers";

    /** Suffix of the dead-letter topic beside each topic. */
    public static final String DEAD_LETTER_SUFFIX = "-dlt";

    public static final List<String> ALL = List.of(MENTORS, LETTERS, REMINDERS, WRITERS);

    private Topics() {
    }

    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
