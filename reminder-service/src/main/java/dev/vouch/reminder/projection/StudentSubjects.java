package dev.vouch.reminder.projection;

import java.util.Set;

/** The letters and mentors of one student: what their reminder list is made from. */
public record StudentSubjects(String tenant, String studentId, Set<String> letterIds, Set<String> mentorIds) {

    public StudentSubjects {
        letterIds = letterIds == null ? Set.of() : Set.copyOf(letterIds);
        mentorIds = mentorIds == null ? Set.of() : Set.copyOf(mentorIds);
    }

    public static StudentSubjects none(String tenant, String studentId) {
        return new StudentSubjects(tenant, studentId, Set.of(), Set.of());
    }
}
