package dev.vouch.mentor.ranking;

import dev.vouch.events.MentorRelationship;
import dev.vouch.mentor.letters.LetterHistory;
import dev.vouch.mentor.mentor.Ratings;

import java.time.Instant;

/**
 * What the ranking knows of one mentor: the student's ratings, the contact log's summary and the letters
 * already asked of them.
 *
 * @param active        archived mentors are never ranked
 * @param lastContactAt     null if the student never logged a contact
 * @param relationship      how the student knows them: the prior of unrated factors; null for none (neutral 3)
 * @param writerOpenLetters the writer's letters in progress across all students of the institution (a count:
 *                          who else asked is never known here)
 */
public record Candidate(
        String mentorId,
        String name,
        boolean active,
        Ratings ratings,
        Instant lastContactAt,
        int contactCount,
        LetterHistory letters,
        int writerOpenLetters,
        MentorRelationship relationship) {

    /** A candidate whose writer has no letters in progress beyond this student's, relationship unknown. */
    public Candidate(String mentorId, String name, boolean active, Ratings ratings, Instant lastContactAt,
                     int contactCount, LetterHistory letters) {
        this(mentorId, name, active, ratings, lastContactAt, contactCount, letters,
                letters == null ? 0 : letters.open(), null);
    }

    public Candidate {
        ratings = ratings == null ? Ratings.NONE : ratings;
        letters = letters == null ? LetterHistory.NONE : letters;
        name = name == null ? "" : name;
    }
}
