package dev.vouch.events;

/** Events of a mentor and their contact log, published on {@link Topics#MENTORS}. */
public sealed interface MentorEvent extends VouchEvent
        permits MentorAdded, MentorUpdated, MentorArchived, ContactLogged {

    String mentorId();

    @Override
    default String subject() {
        return mentorId();
    }
}
