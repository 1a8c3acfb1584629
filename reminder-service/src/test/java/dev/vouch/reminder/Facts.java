package dev.vouch.reminder;

import dev.vouch.events.ContactLogged;
import dev.vouch.events.ContactType;
import dev.vouch.events.LetterPurpose;
import dev.vouch.events.LetterRequested;
import dev.vouch.events.Material;
import dev.vouch.events.MentorAdded;
import dev.vouch.events.MentorRelationship;
import dev.vouch.events.MentorSource;
import dev.vouch.reminder.projection.Letter;
import dev.vouch.reminder.projection.Mentor;
import dev.vouch.reminder.projection.Stamp;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The events other services send, and projections built from them, for tests that tell a story. */
public final class Facts {

    public static final String TENANT = "lakeside";
    public static final String STUDENT = "student-1";
    public static final Set<Material> BOTH = Set.of(Material.PERSONAL_STATEMENT, Material.CV);

    private Facts() {
    }

    public static Duration days(long days) {
        return Duration.ofDays(days);
    }

    public static Stamp stamp(Instant at, long sequence) {
        return new Stamp(TENANT, STUDENT, sequence, at);
    }

    public static LetterRequested requested(String letterId, String mentorId, Instant deadline, Instant requestedAt,
                                            Set<Material> materials) {
        return new LetterRequested(letterId, mentorId, LetterPurpose.RESIDENCY, List.of("Lakeside IM Residency"),
                deadline, true, materials, false, Duration.between(requestedAt, deadline).toDays() < 30, requestedAt);
    }

    public static LetterRequested planned(String letterId, String mentorId, Instant deadline) {
        return new LetterRequested(letterId, mentorId, LetterPurpose.RESIDENCY, List.of(), deadline, true, Set.of(),
                true, false, null);
    }

    public static MentorAdded mentorAdded(String mentorId, String name, int stayInTouchDays) {
        return new MentorAdded(mentorId, name, "Associate Program Director", "Internal Medicine",
                "Lakeside University Hospital", MentorRelationship.FACULTY, MentorSource.CURRENT_NETWORK, stayInTouchDays);
    }

    public static ContactLogged contact(String mentorId, ContactType type, Instant at) {
        return new ContactLogged(mentorId, UUID.randomUUID().toString(), type, at);
    }

    /** A letter asked for at {@code at}, deadline {@code daysLeft} days later. */
    public static Letter requestedLetter(String letterId, String mentorId, Instant at, long daysLeft, Set<Material> materials) {
        return Letter.unknown(letterId, TENANT, STUDENT)
                .apply(requested(letterId, mentorId, at.plus(days(daysLeft)), at, materials), stamp(at, 1));
    }

    public static Mentor mentor(String mentorId, String name, int stayInTouchDays, Instant addedAt) {
        return Mentor.placeholder(mentorId, TENANT, STUDENT).apply(mentorAdded(mentorId, name, stayInTouchDays), stamp(addedAt, 1));
    }
}
