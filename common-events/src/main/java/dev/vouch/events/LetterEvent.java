package dev.vouch.events;

/** Events of one letter request, published on {@link Topics#LETTERS}. Each names the mentor asked to write. */
public sealed interface LetterEvent extends VouchEvent
        permits LetterRequested, LetterAccepted, LetterDeclined, LetterSubmitted, LetterCancelled,
        LetterDeadlineChanged, LetterMaterialsShared {

    String letterId();

    String mentorId();

    @Override
    default String subject() {
        return letterId();
    }
}
