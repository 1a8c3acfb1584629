package dev.vouch.mentor.ranking;

import dev.vouch.events.MentorStatus;
import dev.vouch.kit.security.AccessScope;
import dev.vouch.mentor.letters.LetterHistory;
import dev.vouch.mentor.letters.MentorLettersProjection;
import dev.vouch.mentor.mentor.Mentor;
import dev.vouch.mentor.mentor.MentorRepository;
import dev.vouch.mentor.writer.WriterBoard;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

@RestController
@Tag(name = "Ranking", description = "Which mentors would write the strongest letters")
public class RankingController {

    private final MentorRepository mentors;
    private final MentorLettersProjection letters;
    private final WriterBoard writers;
    private final Clock clock;

    public RankingController(MentorRepository mentors, MentorLettersProjection letters, WriterBoard writers,
                             Clock clock) {
        this.mentors = mentors;
        this.letters = letters;
        this.writers = writers;
        this.clock = clock;
    }

    @GetMapping("/api/v1/mentors/ranking")
    @Operation(summary = "Rank the active mentors as letter writers",
            description = "Each mentor gets a score from 0 to 100 with the factor contributions that make it up: "
                    + "the student's ratings, recency and depth of contact, the writer's letters in progress across all "
                    + "students (a count only) and declines.")
    public WriterRankingView rank(AccessScope scope) {
        Instant now = clock.instant();
        List<Mentor> active = mentors.active(scope);
        Map<String, LetterHistory> histories = letters.historyOf(scope.tenant(), scope.studentId(),
                active.stream().map(Mentor::getId).toList());
        Map<String, Integer> writerLoad = writers.openLettersAcrossStudents(scope.tenant(), active, now);
        List<Candidate> candidates = active.stream()
                .map(mentor -> new Candidate(mentor.getId(), mentor.getDetails().name(),
                        mentor.getStatus() == MentorStatus.ACTIVE, mentor.getDetails().ratings(),
                        mentor.getLastContactAt(), mentor.getContactCount(),
                        histories.getOrDefault(mentor.getId(), LetterHistory.NONE),
                        writerLoad.getOrDefault(mentor.getId(), 0), mentor.getDetails().relationship()))
                .toList();
        return new WriterRankingView(now, LetterWriterRanking.rank(candidates, now));
    }
}
