package dev.vouch.mentor.ranking;

import dev.vouch.mentor.mentor.Ratings;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Ranks a student's mentors as letter writers. Deterministic (the same mentors at the same instant always rank
 * the same way) and explainable: every score is the sum of its factor contributions, each {@code weight × value}
 * rounded to one decimal, and the sum is kept within 0..100.
 *
 * <p>The positive weights add up to 100. The student's ratings carry 65 of them, knowing the student's work
 * first-hand the most: admissions committees value a letter from someone who observed the student directly over
 * a famous name. Evidence from the contact log carries the other 35: how recently (halving every
 * {@value #RECENCY_HALF_LIFE_DAYS} days) and how often (full at {@value #FULL_DEPTH_CONTACTS} contacts) the
 * student was in touch. Letters in progress with the writer, from every student of the institution, cost a
 * little (writers have a load; only the count is known here); a decline costs a lot (they said no once).
 */
public final class LetterWriterRanking {

    public static final double FIRST_HAND_KNOWLEDGE = 25;
    public static final double WILLING_TO_SUPPORT = 15;
    public static final double ARTICULATES_POTENTIAL = 12;
    public static final double STANDING = 8;
    public static final double RELATABLE_VOICE = 5;
    public static final double CONTACT_RECENCY = 20;
    public static final double CONTACT_DEPTH = 15;
    public static final double OPEN_LETTER_PENALTY = 3;
    public static final int MAX_OPEN_LETTERS_PENALISED = 3;
    public static final double DECLINE_PENALTY = 20;
    public static final int MAX_DECLINES_PENALISED = 2;
    public static final int RECENCY_HALF_LIFE_DAYS = 45;
    public static final int FULL_DEPTH_CONTACTS = 6;
    /** An unrated factor with nothing known to go on counts as the middle of the scale. */
    public static final int NEUTRAL_RATING = 3;

    private static final Comparator<RankedMentor> ORDER = Comparator
            .comparingDouble(RankedMentor::score).reversed()
            .thenComparing(ranked -> ranked.name().toLowerCase(Locale.ROOT))
            .thenComparing(RankedMentor::name)
            .thenComparing(RankedMentor::mentorId);

    private LetterWriterRanking() {
    }

    /** Active candidates, best first, ranked 1, 2, 3... (equal scores get consecutive ranks in name order). */
    public static List<RankedMentor> rank(List<Candidate> candidates, Instant now) {
        List<RankedMentor> scored = candidates.stream()
                .filter(Candidate::active)
                .map(candidate -> score(candidate, now))
                .sorted(ORDER)
                .toList();
        List<RankedMentor> ranked = new ArrayList<>(scored.size());
        for (int i = 0; i < scored.size(); i++) {
            RankedMentor mentor = scored.get(i);
            ranked.add(new RankedMentor(i + 1, mentor.mentorId(), mentor.name(), mentor.score(), mentor.factors(),
                    mentor.letters()));
        }
        return ranked;
    }

    /** One candidate's score and factor contributions (rank 0: not placed yet). */
    public static RankedMentor score(Candidate candidate, Instant now) {
        Ratings ratings = candidate.ratings();
        List<FactorContribution> factors = List.of(
                rating("firstHandKnowledge", "Knows your work first-hand", FIRST_HAND_KNOWLEDGE, ratings.firstHandKnowledge(), candidate),
                rating("willingToSupport", "Willing to support you", WILLING_TO_SUPPORT, ratings.willingToSupport(), candidate),
                rating("articulatesPotential", "Can articulate your potential", ARTICULATES_POTENTIAL, ratings.articulatesPotential(), candidate),
                rating("standing", "Standing in the field", STANDING, ratings.standing(), candidate),
                rating("relatableVoice", "Relatable voice", RELATABLE_VOICE, ratings.relatableVoice(), candidate),
                recency(candidate.lastContactAt(), now),
                depth(candidate.contactCount()),
                load(Math.max(candidate.writerOpenLetters(), candidate.letters().open())),
                declines(candidate.letters().declined()));
        double sum = factors.stream().mapToDouble(FactorContribution::points).sum();
        double score = round(Math.max(0, Math.min(100, sum)));
        return new RankedMentor(0, candidate.mentorId(), candidate.name(), score, factors, candidate.letters());
    }

    /**
     * A rating, or for an unrated factor the prior from the relationship and the contact log
     * ({@link RatingPriors}), said as such; with nothing known either (no candidate), the neutral middle.
     */
    static FactorContribution rating(String factor, String label, double weight, Integer rating, Candidate candidate) {
        if (rating != null || candidate == null || candidate.relationship() == null) {
            return rating(factor, label, weight, rating);
        }
        int prior = RatingPriors.prior(factor, candidate.relationship(), candidate.contactCount());
        return contribution(factor, weight, (prior - 1) / 4.0, label + ": not rated, prior " + prior + "/5 from "
                + RatingPriors.basis(factor, candidate.relationship(), candidate.contactCount()));
    }

    static FactorContribution rating(String factor, String label, double weight, Integer rating) {
        int used = rating == null ? NEUTRAL_RATING : rating;
        double value = (used - 1) / 4.0;
        String explanation = rating == null
                ? label + ": not rated, counted as a neutral " + NEUTRAL_RATING + "/5"
                : label + ": you rated " + rating + "/5";
        return contribution(factor, weight, value, explanation);
    }

    static FactorContribution recency(Instant lastContactAt, Instant now) {
        if (lastContactAt == null) {
            return contribution("contactRecency", CONTACT_RECENCY, 0, "Never contacted");
        }
        double days = Math.max(0, Duration.between(lastContactAt, now).toSeconds() / 86_400.0);
        double value = Math.pow(0.5, days / RECENCY_HALF_LIFE_DAYS);
        long wholeDays = (long) Math.floor(days);
        String ago = wholeDays == 0 ? "today" : wholeDays == 1 ? "1 day ago" : wholeDays + " days ago";
        return contribution("contactRecency", CONTACT_RECENCY, value,
                "Last contact " + ago + " (credit halves every " + RECENCY_HALF_LIFE_DAYS + " days)");
    }

    static FactorContribution depth(int contacts) {
        double value = Math.min(contacts, FULL_DEPTH_CONTACTS) / (double) FULL_DEPTH_CONTACTS;
        return contribution("contactDepth", CONTACT_DEPTH, value,
                plural(contacts, "contact") + " logged (full credit at " + FULL_DEPTH_CONTACTS + ")");
    }

    static FactorContribution load(int openLetters) {
        double value = Math.min(openLetters, MAX_OPEN_LETTERS_PENALISED) / (double) MAX_OPEN_LETTERS_PENALISED;
        return contribution("writerLoad", -OPEN_LETTER_PENALTY * MAX_OPEN_LETTERS_PENALISED, value,
                openLetters == 0 ? "No letters in progress with them"
                        : plural(openLetters, "letter") + " in progress with them, yours and other students' (-"
                        + format(OPEN_LETTER_PENALTY) + " each, at most " + MAX_OPEN_LETTERS_PENALISED + ")");
    }

    static FactorContribution declines(int declined) {
        double value = Math.min(declined, MAX_DECLINES_PENALISED) / (double) MAX_DECLINES_PENALISED;
        return contribution("declines", -DECLINE_PENALTY * MAX_DECLINES_PENALISED, value,
                declined == 0 ? "Never declined a letter for you"
                        : "Declined " + plural(declined, "letter") + " for you (-" + format(DECLINE_PENALTY)
                        + " each, at most " + MAX_DECLINES_PENALISED + ")");
    }

    private static FactorContribution contribution(String factor, double weight, double value, String explanation) {
        double roundedValue = Math.round(value * 1000) / 1000.0;
        return new FactorContribution(factor, weight, roundedValue, round(weight * value), explanation);
    }

    private static double round(double points) {
        return Math.round(points * 10) / 10.0;
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    private static String format(double number) {
        return number == Math.rint(number) ? String.valueOf((long) number) : String.valueOf(number);
    }
}
