package dev.vouch.mentor.ranking;

import dev.vouch.events.MentorRelationship;
import dev.vouch.mentor.letters.LetterHistory;
import dev.vouch.mentor.mentor.Ratings;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RatingPriorsTest {

    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    static Candidate unrated(MentorRelationship relationship, int contacts) {
        return new Candidate("m-" + relationship, "Dr. " + relationship, true, Ratings.NONE,
                contacts == 0 ? null : NOW.minusSeconds(86_400L * 10), contacts, LetterHistory.NONE, 0, relationship);
    }

    @Test
    void anUnratedResearchPiScoresAboveAnUnratedContactMetOnline() {
        RankedMentor pi = LetterWriterRanking.score(unrated(MentorRelationship.RESEARCH_PI, 0), NOW);
        RankedMentor online = LetterWriterRanking.score(unrated(MentorRelationship.OTHER, 0), NOW);

        assertThat(pi.score()).isGreaterThan(online.score());
        assertThat(pi.factors().get(0).explanation())
                .isEqualTo("Knows your work first-hand: not rated, prior 4/5 from a research PI, 0 contacts logged");
        assertThat(online.factors().get(0).explanation())
                .isEqualTo("Knows your work first-hand: not rated, prior 2/5 from no known relationship, 0 contacts logged");
    }

    @Test
    void loggedContactsRaiseFirstHandKnowledgeAndWillingnessButAPriorStaysBelowARatingOfFive() {
        assertThat(RatingPriors.prior("firstHandKnowledge", MentorRelationship.FACULTY, 3)).isEqualTo(4);
        assertThat(RatingPriors.prior("firstHandKnowledge", MentorRelationship.RESEARCH_PI, 6)).isEqualTo(4);
        assertThat(RatingPriors.prior("willingToSupport", MentorRelationship.FACULTY, 0)).isEqualTo(2);
        assertThat(RatingPriors.prior("willingToSupport", MentorRelationship.FACULTY, 1)).isEqualTo(3);
        assertThat(RatingPriors.prior("willingToSupport", MentorRelationship.FACULTY, 4)).isEqualTo(4);
        assertThat(RatingPriors.prior("standing", null, 9)).isEqualTo(3);
    }

    @Test
    void aRatingAlwaysWinsOverThePrior() {
        Candidate rated = new Candidate("m", "Dr. Rated", true, new Ratings(1, null, null, null, null), null, 0,
                LetterHistory.NONE, 0, MentorRelationship.RESEARCH_PI);

        FactorContribution firstHand = LetterWriterRanking.score(rated, NOW).factors().get(0);

        assertThat(firstHand.points()).isZero();
        assertThat(firstHand.explanation()).isEqualTo("Knows your work first-hand: you rated 1/5");
    }
}
