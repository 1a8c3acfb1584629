package dev.vouch.events;

/** A writer who was overloaded is back under the threshold (letters submitted, declined, cancelled or moved). */
public record WriterLoadEased(
        String writerId,
        String name,
        int openLetters,
        int dueWithin14Days,
        int threshold) implements WriterEvent {
}
