package dev.vouch.mentor.letters;

import java.util.Map;
import java.util.Set;

/**
 * Published (in-process) after a batch of letter events changed the projection: the mentors whose letters it
 * touched, by institution.
 */
public record LettersProjected(Map<String, Set<String>> mentorsByTenant) {

    public LettersProjected {
        mentorsByTenant = Map.copyOf(mentorsByTenant);
    }
}
