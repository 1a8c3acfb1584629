package dev.vouch.mentor.ranking;

import dev.vouch.mentor.letters.LetterHistory;

import java.util.List;

/** A mentor's place in the ranking, its score (0 to 100) and the contributions that add up to it. */
public record RankedMentor(int rank, String mentorId, String name, double score, List<FactorContribution> factors,
                           LetterHistory letters) {

    public RankedMentor {
        factors = List.copyOf(factors);
    }
}
