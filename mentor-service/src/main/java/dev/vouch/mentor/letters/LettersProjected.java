package dev.vouch.mentor.letters;

import java.util.Set;

/** Published (in-process) after a batch of letter events changed the projection: which institutions it touched. */
public record LettersProjected(Set<String> tenants) {

    public LettersProjected {
        tenants = Set.copyOf(tenants);
    }
}
