package dev.vouch.request.letter;

import dev.vouch.events.LetterStatus;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static dev.vouch.events.LetterStatus.ACCEPTED;
import static dev.vouch.events.LetterStatus.CANCELLED;
import static dev.vouch.events.LetterStatus.DECLINED;
import static dev.vouch.events.LetterStatus.PLANNED;
import static dev.vouch.events.LetterStatus.REQUESTED;
import static dev.vouch.events.LetterStatus.SUBMITTED;

/**
 * The moves a letter request may make:
 * <pre>
 * PLANNED ──► REQUESTED ──┬──► ACCEPTED ──► SUBMITTED
 *                         ├──► DECLINED
 *                         └──► SUBMITTED      (a writer may submit without confirming)
 * PLANNED | REQUESTED | ACCEPTED ──► CANCELLED
 * </pre>
 * SUBMITTED, DECLINED and CANCELLED are final. Staying in the same status is not a move.
 */
public final class LetterLifecycle {

    private static final Map<LetterStatus, Set<LetterStatus>> MOVES = new EnumMap<>(LetterStatus.class);

    static {
        MOVES.put(PLANNED, EnumSet.of(REQUESTED, CANCELLED));
        MOVES.put(REQUESTED, EnumSet.of(ACCEPTED, DECLINED, SUBMITTED, CANCELLED));
        MOVES.put(ACCEPTED, EnumSet.of(SUBMITTED, CANCELLED));
        MOVES.put(DECLINED, EnumSet.noneOf(LetterStatus.class));
        MOVES.put(SUBMITTED, EnumSet.noneOf(LetterStatus.class));
        MOVES.put(CANCELLED, EnumSet.noneOf(LetterStatus.class));
    }

    private LetterLifecycle() {
    }

    /** The statuses a letter in {@code current} may move to, in declaration order. */
    public static Set<LetterStatus> movesFrom(LetterStatus current) {
        return Collections.unmodifiableSet(MOVES.get(current));
    }

    public static boolean allows(LetterStatus current, LetterStatus target) {
        return MOVES.get(current).contains(target);
    }

    /** Throws {@link IllegalMoveException} unless {@code current -> target} is a move of the lifecycle. */
    public static void requireMove(LetterStatus current, LetterStatus target) {
        if (!allows(current, target)) {
            throw new IllegalMoveException(current, target);
        }
    }
}
