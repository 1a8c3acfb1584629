package dev.vouch.request.letter;

import dev.vouch.kit.security.AccessScope;

/**
 * What the letters' targets need to hear of a letter (implemented by the coverage feature, so letters need not
 * know its rules): a new letter is checked against its targets' caps before it is stored, and every stored
 * change is passed on so the targets' coverage follows.
 */
public interface TargetAssignments {

    /** Throws (409 naming the cap) if a target of the draft is already at its system's cap and no override was given. */
    void requireRoom(AccessScope scope, LetterDraft draft);

    /** A letter was stored: its targets' coverage may have changed. */
    void changed(LetterRequest letter);
}
