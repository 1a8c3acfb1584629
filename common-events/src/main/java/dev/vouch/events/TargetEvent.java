package dev.vouch.events;

/** Events of an application target (a programme or school a student's letters go to), on {@link Topics#LETTERS}. */
public sealed interface TargetEvent extends VouchEvent permits TargetCoverageChanged {

    String targetId();

    @Override
    default String subject() {
        return targetId();
    }
}
