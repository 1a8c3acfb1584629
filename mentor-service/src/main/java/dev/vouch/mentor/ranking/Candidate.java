package dev.vouch.mentor.ranking;

import dev.vouch.mentor.letters.LetterHistory;
import dev.vouch.mentor.mentor.Ratings;

import java.time.Instant;

/**
 * What the ranking knows of one mentor: the student's ratings, the contact log's summary and the letters
 * already asked of them.
 *
 * @param active        archived mentors are never ranked
 * @param lastContactAt null if the student never logged a contact
 */
public record Candidate(
        String mentorId,
        String name,
        boolean active,
        Ratings ratings,
        Instant lastContactAt,
        int contactCount,
        LetterHistory letters) {

    public Candidate {
        ratings = ratings == null ? Ratings.NONE : ratings;
        letters = letters == null ? LetterHistory.NONE : letters;
        name = name == null ? "" : name;
    }
}
