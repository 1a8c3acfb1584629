package dev.vouch.mentor.mentor;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The student's own 1-to-5 judgement of what makes this mentor's letter strong. Each rating is optional: an
 * absent rating means "not rated yet" and is kept as such (the ranking counts it as a neutral 3 and says so).
 *
 * @param firstHandKnowledge   how well the mentor knows the student's work first-hand (observed it directly)
 * @param standing             the mentor's standing in the field
 * @param articulatesPotential how well the mentor can put the student's potential into words
 * @param relatableVoice       how much the readers will relate to the mentor's voice
 * @param willingToSupport     how willing the mentor is to support the student
 */
public record Ratings(
        @Min(1) @Max(5) Integer firstHandKnowledge,
        @Min(1) @Max(5) Integer standing,
        @Min(1) @Max(5) Integer articulatesPotential,
        @Min(1) @Max(5) Integer relatableVoice,
        @Min(1) @Max(5) Integer willingToSupport) {

    public static final Ratings NONE = new Ratings(null, null, null, null, null);

    /** Names (as {@code ratings.<name>}) of the ratings that differ from {@code other}. */
    List<String> differences(Ratings other) {
        List<String> changed = new ArrayList<>();
        compare(changed, "firstHandKnowledge", firstHandKnowledge, other.firstHandKnowledge);
        compare(changed, "standing", standing, other.standing);
        compare(changed, "articulatesPotential", articulatesPotential, other.articulatesPotential);
        compare(changed, "relatableVoice", relatableVoice, other.relatableVoice);
        compare(changed, "willingToSupport", willingToSupport, other.willingToSupport);
        return changed;
    }

    private static void compare(List<String> changed, String name, Integer mine, Integer theirs) {
        if (!Objects.equals(mine, theirs)) {
            changed.add("ratings." + name);
        }
    }
}
