package dev.vouch.mentor.ranking;

import dev.vouch.events.MentorRelationship;

import java.util.Locale;

/**
 * What an unrated factor is taken to be until the student rates it: a prior on the 1-to-5 scale from how the
 * student knows the mentor and how much they have been in touch, rather than the same neutral 3 for everyone.
 * A research PI or a clinician the student shadowed has observed their work; a contact met at an event or online
 * has not. The contact log adds evidence: three or more logged contacts raise first-hand knowledge and
 * willingness by one, none at all lowers willingness by one. Always within 1..5, and never above 4, so a prior
 * never outranks what a student rated 5.
 *
 * <pre>
 * relationship           firstHand  articulates  standing  relatable  willing
 * RESEARCH_PI                4          4           4          3         3
 * CLINICIAN_SHADOWED         4          3           3          3         3
 * FACULTY                    3          3           4          3         3
 * VOLUNTEER_SUPERVISOR       3          3           2          3         3
 * ALUMNUS                    2          3           3          4         3
 * ORGANIZATION_CONTACT       2          2           3          3         3
 * OTHER                      2          2           3          3         3
 * </pre>
 */
public final class RatingPriors {

    /** Contacts logged from which the log counts as evidence of a working relationship. */
    public static final int ENGAGED_CONTACTS = 3;
    static final int MAX_PRIOR = 4;

    private RatingPriors() {
    }

    /** @param factor one of firstHandKnowledge, articulatesPotential, standing, relatableVoice, willingToSupport */
    public static int prior(String factor, MentorRelationship relationship, int contactCount) {
        MentorRelationship known = relationship == null ? MentorRelationship.OTHER : relationship;
        int[] row = switch (known) {
            case RESEARCH_PI -> new int[]{4, 4, 4, 3, 3};
            case CLINICIAN_SHADOWED -> new int[]{4, 3, 3, 3, 3};
            case FACULTY -> new int[]{3, 3, 4, 3, 3};
            case VOLUNTEER_SUPERVISOR -> new int[]{3, 3, 2, 3, 3};
            case ALUMNUS -> new int[]{2, 3, 3, 4, 3};
            case ORGANIZATION_CONTACT, OTHER -> new int[]{2, 2, 3, 3, 3};
        };
        int value = switch (factor) {
            case "firstHandKnowledge" -> row[0] + (contactCount >= ENGAGED_CONTACTS ? 1 : 0);
            case "articulatesPotential" -> row[1];
            case "standing" -> row[2];
            case "relatableVoice" -> row[3];
            case "willingToSupport" -> row[4] + (contactCount >= ENGAGED_CONTACTS ? 1 : contactCount == 0 ? -1 : 0);
            default -> throw new IllegalArgumentException("Not a rating: " + factor);
        };
        return Math.max(1, Math.min(MAX_PRIOR, value));
    }

    /** "a research PI, 3 contacts logged": what the prior came from, in words. */
    static String basis(String factor, MentorRelationship relationship, int contactCount) {
        String who = switch (relationship == null ? MentorRelationship.OTHER : relationship) {
            case RESEARCH_PI -> "a research PI";
            case CLINICIAN_SHADOWED -> "a clinician you shadowed";
            case FACULTY -> "faculty";
            case VOLUNTEER_SUPERVISOR -> "a volunteer supervisor";
            case ALUMNUS -> "an alumnus";
            case ORGANIZATION_CONTACT -> "an organization contact";
            case OTHER -> "no known relationship";
        };
        boolean usesContacts = factor.equals("firstHandKnowledge") || factor.equals("willingToSupport");
        return usesContacts ? who + ", " + contactCount + " contact" + (contactCount == 1 ? "" : "s") + " logged"
                : who.toLowerCase(Locale.ROOT);
    }
}
