package dev.vouch.mentor.ranking;

/**
 * How one factor moved a mentor's score: {@code points = weight × value}, rounded to one decimal.
 *
 * @param factor      the factor's name, e.g. {@code firstHandKnowledge}, {@code contactRecency}
 * @param weight      the most points the factor can give (negative for a penalty)
 * @param value       how much of the weight applies, from 0 to 1
 * @param points      what the factor adds to the score
 * @param explanation the reason in words
 */
public record FactorContribution(String factor, double weight, double value, double points, String explanation) {
}
