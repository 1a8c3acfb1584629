package dev.vouch.mentor.ranking;

import dev.vouch.mentor.letters.LetterHistory;
import dev.vouch.mentor.mentor.Ratings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LetterWriterRankingTest {

    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    static Candidate candidate(String id, String name, Ratings ratings, Duration sinceContact, int contacts,
                               LetterHistory letters) {
        return new Candidate(id, name, true, ratings, sinceContact == null ? null : NOW.minus(sinceContact), contacts,
                letters);
    }

    static LetterHistory openLetters(int open) {
        return new LetterHistory(open, open, 0, 0, 0);
    }

    static LetterHistory declined(int declined) {
        return new LetterHistory(declined, 0, 0, declined, 0);
    }

    @Test
    void aMentorWhoObservedTheStudentAndWasContactedLastWeekOutranksAFamousNameNeverContacted() {
        Candidate observer = candidate("m-observer", "Dr. Kim Park", new Ratings(5, 2, 3, 3, 3),
                Duration.ofDays(7), 1, LetterHistory.NONE);
        Candidate famous = candidate("m-famous", "Prof. Famous Name", new Ratings(1, 5, 3, 3, 3),
                null, 0, LetterHistory.NONE);

        List<RankedMentor> ranking = LetterWriterRanking.rank(List.of(famous, observer), NOW);

        assertThat(ranking).extracting(RankedMentor::mentorId).containsExactly("m-observer", "m-famous");
        assertThat(ranking).extracting(RankedMentor::rank).containsExactly(1, 2);
        assertThat(ranking.get(1).factors()).filteredOn(f -> f.factor().equals("contactRecency"))
                .singleElement().satisfies(f -> {
                    assertThat(f.points()).isZero();
                    assertThat(f.explanation()).isEqualTo("Never contacted");
                });
    }

    @Test
    void aMentorWhoDeclinedRanksBelowAnOtherwiseEqualOne() {
        Ratings same = new Ratings(4, 4, 4, 4, 4);
        Candidate declinedOnce = candidate("m-a", "Dr. A", same, Duration.ofDays(10), 3, declined(1));
        Candidate neverAsked = candidate("m-b", "Dr. B", same, Duration.ofDays(10), 3, LetterHistory.NONE);

        List<RankedMentor> ranking = LetterWriterRanking.rank(List.of(declinedOnce, neverAsked), NOW);

        assertThat(ranking).extracting(RankedMentor::mentorId).containsExactly("m-b", "m-a");
        assertThat(ranking.get(0).score() - ranking.get(1).score()).isCloseTo(LetterWriterRanking.DECLINE_PENALTY, within(0.01));
    }

    @Test
    void lettersInProgressCostALittleAndTheLoadPenaltyIsCapped() {
        Ratings same = new Ratings(3, 3, 3, 3, 3);
        double free = LetterWriterRanking.score(candidate("m", "Dr. M", same, null, 0, LetterHistory.NONE), NOW).score();
        double busy = LetterWriterRanking.score(candidate("m", "Dr. M", same, null, 0, openLetters(1)), NOW).score();
        double overloaded = LetterWriterRanking.score(candidate("m", "Dr. M", same, null, 0, openLetters(7)), NOW).score();

        assertThat(free - busy).isCloseTo(3.0, within(0.01));
        assertThat(free - overloaded).isCloseTo(9.0, within(0.01));
    }

    @Test
    void archivedMentorsAreNotRanked() {
        Candidate archived = new Candidate("m-archived", "Dr. Best", false, new Ratings(5, 5, 5, 5, 5),
                NOW.minus(Duration.ofDays(1)), 10, LetterHistory.NONE);
        Candidate active = candidate("m-active", "Dr. Fine", new Ratings(3, 3, 3, 3, 3), null, 0, LetterHistory.NONE);

        assertThat(LetterWriterRanking.rank(List.of(archived, active), NOW))
                .extracting(RankedMentor::mentorId).containsExactly("m-active");
    }

    @Test
    void theRankingIsDeterministicWhateverTheInputOrderAndTiesGoByNameThenId() {
        List<Candidate> candidates = new ArrayList<>();
        Ratings same = new Ratings(3, 3, 3, 3, 3);
        candidates.add(candidate("m-3", "dr. zed", same, null, 0, LetterHistory.NONE));
        candidates.add(candidate("m-2", "Dr. Amy", same, null, 0, LetterHistory.NONE));
        candidates.add(candidate("m-1", "Dr. Amy", same, null, 0, LetterHistory.NONE));
        candidates.add(candidate("m-4", "Dr. Best", new Ratings(5, 5, 5, 5, 5), Duration.ofDays(3), 2, LetterHistory.NONE));
        candidates.add(candidate("m-5", "Dr. Busy", same, Duration.ofDays(100), 1, openLetters(3)));
        List<RankedMentor> first = LetterWriterRanking.rank(candidates, NOW);

        Random random = new Random(42);
        for (int i = 0; i < 20; i++) {
            Collections.shuffle(candidates, random);
            assertThat(LetterWriterRanking.rank(candidates, NOW)).isEqualTo(first);
        }
        assertThat(first).extracting(RankedMentor::mentorId).containsExactly("m-4", "m-1", "m-2", "m-3", "m-5");
    }

    @Test
    void scoresStayWithinZeroToAHundredAndAreTheSumOfTheirContributions() {
        Candidate best = candidate("m-best", "Dr. Best", new Ratings(5, 5, 5, 5, 5), Duration.ZERO, 12, LetterHistory.NONE);
        Candidate worst = candidate("m-worst", "Dr. Worst", new Ratings(1, 1, 1, 1, 1), null, 0,
                new LetterHistory(5, 3, 0, 2, 0));

        RankedMentor top = LetterWriterRanking.score(best, NOW);
        RankedMentor bottom = LetterWriterRanking.score(worst, NOW);

        assertThat(top.score()).isEqualTo(100.0);
        assertThat(bottom.score()).isZero();
        assertThat(top.factors().stream().mapToDouble(FactorContribution::points).sum()).isCloseTo(100.0, within(0.001));
        assertThat(top.factors()).allSatisfy(f -> {
            assertThat(f.value()).isBetween(0.0, 1.0);
            assertThat(f.points()).isCloseTo(f.weight() * f.value(), within(0.05));
        });
    }

    @Test
    void anUnratedFactorCountsAsNeutralAndSaysSo() {
        FactorContribution unrated = LetterWriterRanking.rating("standing", "Standing in the field", 8, null);

        assertThat(unrated.value()).isEqualTo(0.5);
        assertThat(unrated.points()).isEqualTo(4.0);
        assertThat(unrated.explanation()).isEqualTo("Standing in the field: not rated, counted as a neutral 3/5");
    }

    @Test
    void contactRecencyHalvesEveryFortyFiveDays() {
        assertThat(LetterWriterRanking.recency(NOW, NOW).points()).isEqualTo(20.0);
        assertThat(LetterWriterRanking.recency(NOW.minus(Duration.ofDays(45)), NOW).points()).isEqualTo(10.0);
        assertThat(LetterWriterRanking.recency(NOW.minus(Duration.ofDays(90)), NOW).points()).isEqualTo(5.0);
        assertThat(LetterWriterRanking.recency(NOW.plus(Duration.ofHours(12)), NOW).points()).isEqualTo(20.0);
    }

    /** The worked example of docs/mentor-service.md: if this changes, change the doc with it. */
    @Test
    void theDocumentedWorkedExample() {
        Candidate rivera = candidate("m-rivera", "Dr. Ana Rivera", new Ratings(5, 3, 4, 4, 5), Duration.ofDays(7), 3,
                openLetters(1));
        Candidate famous = candidate("m-famous", "Prof. Famous Name", new Ratings(1, 5, 3, 3, 3), null, 0,
                LetterHistory.NONE);
        Candidate okafor = candidate("m-okafor", "Dr. Sam Okafor", new Ratings(4, 4, 4, 4, 4), Duration.ofDays(30), 4,
                declined(1));

        List<RankedMentor> ranking = LetterWriterRanking.rank(List.of(famous, okafor, rivera), NOW);

        assertThat(ranking).extracting(RankedMentor::name, RankedMentor::score).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Dr. Ana Rivera", 79.3),
                org.assertj.core.groups.Tuple.tuple("Dr. Sam Okafor", 51.5),
                org.assertj.core.groups.Tuple.tuple("Prof. Famous Name", 24.0));
        assertThat(ranking.get(0).factors()).extracting(FactorContribution::factor, FactorContribution::points)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("firstHandKnowledge", 25.0),
                        org.assertj.core.groups.Tuple.tuple("willingToSupport", 15.0),
                        org.assertj.core.groups.Tuple.tuple("articulatesPotential", 9.0),
                        org.assertj.core.groups.Tuple.tuple("standing", 4.0),
                        org.assertj.core.groups.Tuple.tuple("relatableVoice", 3.8),
                        org.assertj.core.groups.Tuple.tuple("contactRecency", 18.0),
                        org.assertj.core.groups.Tuple.tuple("contactDepth", 7.5),
                        org.assertj.core.groups.Tuple.tuple("writerLoad", -3.0),
                        org.assertj.core.groups.Tuple.tuple("declines", 0.0));
    }
}
