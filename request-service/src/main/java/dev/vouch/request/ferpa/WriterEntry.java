package dev.vouch.request.ferpa;

import dev.vouch.events.LetterPurpose;
import dev.vouch.events.LetterStatus;

import java.time.Instant;
import java.util.List;

/**
 * One confidential letter in the writers report: who writes it, what for and where it goes, where it stands and
 * when. Nothing about the letter's content: Vouch never holds it.
 *
 * @param writerName the writer's name as the student recorded it; absent if the mentor's events have not arrived
 */
public record WriterEntry(String writerName, String mentorId, String letterId, LetterPurpose purpose,
                          List<String> targets, LetterStatus status, Instant requestedAt, Instant deadline,
                          Instant updatedAt) {
}
