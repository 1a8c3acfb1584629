package dev.vouch.mentor.writer;

/** How loaded a writer is, from their open letters across all students (threshold N, default 5). */
public enum LoadLevel {
    /** Fewer than N open letters and fewer than half of N due within 14 days. */
    LOW,
    /** N or more open letters, or at least half of N due within 14 days. */
    MODERATE,
    /** N or more open letters due within 14 days: late letters are coming. */
    HIGH;

    public static LoadLevel of(int openLetters, int dueWithin14Days, int threshold) {
        if (dueWithin14Days >= threshold) {
            return HIGH;
        }
        if (openLetters >= threshold || 2 * dueWithin14Days >= threshold) {
            return MODERATE;
        }
        return LOW;
    }
}
