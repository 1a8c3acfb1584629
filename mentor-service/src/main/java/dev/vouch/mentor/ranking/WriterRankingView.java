package dev.vouch.mentor.ranking;

import java.time.Instant;
import java.util.List;

/** The answer of {@code GET /mentors/ranking}: the student's active mentors, best letter writer first. */
public record WriterRankingView(Instant rankedAt, List<RankedMentor> items) {

    public WriterRankingView {
        items = List.copyOf(items);
    }
}
