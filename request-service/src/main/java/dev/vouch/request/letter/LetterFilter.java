package dev.vouch.request.letter;

import dev.vouch.events.LetterStatus;
import java.time.Instant;
import java.util.Set;

/**
 * Which of a student's letters to list; every part is optional.
 *
 * @param statuses  any of these statuses (empty: all)
 * @param dueBefore deadline strictly before this instant
 * @param mentorId  asked of this mentor
 */
public record LetterFilter(Set<LetterStatus> statuses, Instant dueBefore, String mentorId) {

    public LetterFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }
}
