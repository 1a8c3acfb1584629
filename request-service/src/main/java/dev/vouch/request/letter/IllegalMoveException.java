package dev.vouch.request.letter;

import dev.vouch.events.LetterStatus;
import java.util.Set;

/** A status change the lifecycle does not allow, including a "move" to the status the letter already has. */
public class IllegalMoveException extends LetterStateException {

    private final LetterStatus target;

    public IllegalMoveException(LetterStatus current, LetterStatus target) {
        super(current, describe(current, target));
        this.target = target;
    }

    public LetterStatus target() {
        return target;
    }

    public Set<LetterStatus> allowed() {
        return LetterLifecycle.movesFrom(currentStatus());
    }

    private static String describe(LetterStatus current, LetterStatus target) {
        Set<LetterStatus> allowed = LetterLifecycle.movesFrom(current);
        String next = allowed.isEmpty() ? current + " is final" : "from " + current + " it may become " + allowed;
        return current == target
                ? "The letter is already " + current + "; " + next
                : "A " + current + " letter cannot become " + target + "; " + next;
    }
}
