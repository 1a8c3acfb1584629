package dev.vouch.reminder.projection;

import java.util.Set;

/** The letters, mentors and application targets of one student: what their reminder list is made from. */
public record StudentSubjects(String tenant, String studentId, Set<String> letterIds, Set<String> mentorIds,
                              Set<String> targetIds) {

    public StudentSubjects(String tenant, String studentId, Set<String> letterIds, Set<String> mentorIds) {
        this(tenant, studentId, letterIds, mentorIds, Set.of());
    }

    public StudentSubjects {
        letterIds = letterIds == null ? Set.of() : Set.copyOf(letterIds);
        mentorIds = mentorIds == null ? Set.of() : Set.copyOf(mentorIds);
        targetIds = targetIds == null ? Set.of() : Set.copyOf(targetIds);
    }

    public static StudentSubjects none(String tenant, String studentId) {
        return new StudentSubjects(tenant, studentId, Set.of(), Set.of());
    }
}
