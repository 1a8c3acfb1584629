package dev.vouch.request.letter;

import dev.vouch.events.LetterStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LetterLifecycleTest {

    /** The lifecycle as the issue states it, written out independently of the code under test. */
    static final Set<String> LEGAL = Set.of(
            "PLANNED->REQUESTED", "PLANNED->CANCELLED",
            "REQUESTED->ACCEPTED", "REQUESTED->DECLINED", "REQUESTED->SUBMITTED", "REQUESTED->CANCELLED",
            "ACCEPTED->SUBMITTED", "ACCEPTED->CANCELLED");

    static Stream<Arguments> legalMoves() {
        return everyPair().filter(pair -> LEGAL.contains(key(pair)));
    }

    static Stream<Arguments> illegalMoves() {
        return everyPair().filter(pair -> !LEGAL.contains(key(pair)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("legalMoves")
    void legalMovesAreAllowed(LetterStatus from, LetterStatus to) {
        assertThat(LetterLifecycle.allows(from, to)).isTrue();
        assertThat(LetterLifecycle.movesFrom(from)).contains(to);
        assertThatCode(() -> LetterLifecycle.requireMove(from, to)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("illegalMoves")
    void everyOtherMoveIsRefusedNamingTheCurrentStatus(LetterStatus from, LetterStatus to) {
        assertThat(LetterLifecycle.allows(from, to)).isFalse();
        assertThatThrownBy(() -> LetterLifecycle.requireMove(from, to))
                .isInstanceOfSatisfying(IllegalMoveException.class, e -> {
                    assertThat(e.currentStatus()).isEqualTo(from);
                    assertThat(e.target()).isEqualTo(to);
                    assertThat(e.allowed()).isEqualTo(LetterLifecycle.movesFrom(from));
                    assertThat(e.getMessage()).contains(from.name());
                });
    }

    @Test
    void theThirtySixPairsSplitIntoEightLegalMovesAndTwentyEightIllegalOnes() {
        assertThat(legalMoves()).hasSize(8);
        assertThat(illegalMoves()).hasSize(28);
    }

    @ParameterizedTest
    @EnumSource(value = LetterStatus.class, names = {"SUBMITTED", "DECLINED", "CANCELLED"})
    void submittedDeclinedAndCancelledAreFinal(LetterStatus status) {
        assertThat(status.isFinal()).isTrue();
        assertThat(LetterLifecycle.movesFrom(status)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = LetterStatus.class, names = {"PLANNED", "REQUESTED", "ACCEPTED"})
    void unfinishedLettersCanAlwaysBeCancelled(LetterStatus status) {
        assertThat(status.isFinal()).isFalse();
        assertThat(LetterLifecycle.allows(status, LetterStatus.CANCELLED)).isTrue();
    }

    @Test
    void stayingInTheSameStatusIsNotAMoveAndSaysSo() {
        assertThatThrownBy(() -> LetterLifecycle.requireMove(LetterStatus.ACCEPTED, LetterStatus.ACCEPTED))
                .hasMessageContaining("already ACCEPTED");
    }

    private static Stream<Arguments> everyPair() {
        return Arrays.stream(LetterStatus.values())
                .flatMap(from -> Arrays.stream(LetterStatus.values()).map(to -> Arguments.of(from, to)));
    }

    private static String key(Arguments pair) {
        return pair.get()[0] + "->" + pair.get()[1];
    }
}
