package dev.vouch.mentor.writer;

import dev.vouch.events.LetterStatus;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * One writer's letters in progress across the institution's students, counted.
 *
 * @param mentorIds the student-side mentor records that are this writer (what an advisor links and unlinks)
 * @param students  how many students have a letter in progress with them
 */
public record WriterLoad(
        String writerId,
        String name,
        @Schema(description = "The normalized email the writer is matched by; absent when matched by link only")
        String email,
        List<String> mentorIds,
        int students,
        @Schema(description = "Letters asked and not finished (requested or accepted)") int openLetters,
        @Schema(description = "Open letters due within 7 days, overdue ones included") int dueWithin7Days,
        @Schema(description = "Open letters due within 14 days, overdue ones included") int dueWithin14Days,
        Instant earliestDeadline,
        @Schema(description = "Open letters the writer accepted") int accepted,
        @Schema(description = "Open letters the writer has not answered") int notAnswered,
        LoadLevel load) {

    public WriterLoad {
        mentorIds = List.copyOf(mentorIds);
    }

    /** Riskiest first: load level, then letters due soonest, then the earliest deadline. */
    public static final Comparator<WriterLoad> BY_RISK = Comparator
            .comparing(WriterLoad::load).reversed()
            .thenComparing(Comparator.comparingInt(WriterLoad::dueWithin7Days).reversed())
            .thenComparing(Comparator.comparingInt(WriterLoad::dueWithin14Days).reversed())
            .thenComparing(WriterLoad::earliestDeadline, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Comparator.comparingInt(WriterLoad::openLetters).reversed())
            .thenComparing(WriterLoad::writerId);

    /** One open letter of the writer. */
    public record OpenLetter(String studentId, LetterStatus status, Instant deadline) {
    }

    /** Counts a writer's letters (only the open ones count: requested or accepted). */
    public static WriterLoad of(String writerId, String name, String email, List<String> mentorIds,
                                Collection<OpenLetter> letters, int threshold, Instant now) {
        Instant in7 = now.plus(Duration.ofDays(7));
        Instant in14 = now.plus(Duration.ofDays(14));
        int open = 0;
        int due7 = 0;
        int due14 = 0;
        int accepted = 0;
        int notAnswered = 0;
        Instant earliest = null;
        java.util.Set<String> students = new java.util.HashSet<>();
        for (OpenLetter letter : letters) {
            if (letter.status() != LetterStatus.REQUESTED && letter.status() != LetterStatus.ACCEPTED) {
                continue;
            }
            open++;
            students.add(letter.studentId());
            if (letter.status() == LetterStatus.ACCEPTED) {
                accepted++;
            } else {
                notAnswered++;
            }
            Instant deadline = letter.deadline();
            if (deadline != null) {
                if (deadline.isBefore(in7)) {
                    due7++;
                }
                if (deadline.isBefore(in14)) {
                    due14++;
                }
                if (earliest == null || deadline.isBefore(earliest)) {
                    earliest = deadline;
                }
            }
        }
        return new WriterLoad(writerId, name, email, mentorIds, students.size(), open, due7, due14, earliest, accepted,
                notAnswered, LoadLevel.of(open, due14, threshold));
    }
}
