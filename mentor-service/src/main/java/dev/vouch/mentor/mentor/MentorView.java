package dev.vouch.mentor.mentor;

import dev.vouch.events.MentorStatus;
import dev.vouch.events.MentorRelationship;
import dev.vouch.events.MentorSource;

import java.time.Instant;

/** A mentor as the API shows it. {@code version} is also sent as the ETag; send it back in If-Match to change it. */
public record MentorView(
        String id,
        String name,
        String email,
        String title,
        String specialty,
        String organization,
        MentorRelationship relationship,
        MentorSource source,
        int stayInTouchDays,
        String notes,
        Ratings ratings,
        MentorStatus status,
        Instant lastContactAt,
        int contactCount,
        Instant createdAt,
        Instant updatedAt,
        Instant archivedAt,
        long version) {

    public static MentorView of(Mentor mentor) {
        MentorDetails details = mentor.getDetails();
        return new MentorView(mentor.getId(), details.name(), details.email(), details.title(), details.specialty(),
                details.organization(), details.relationship(), details.source(), details.stayInTouchDays(),
                details.notes(), details.ratings(), mentor.getStatus(), mentor.getLastContactAt(),
                mentor.getContactCount(), mentor.getCreatedAt(), mentor.getUpdatedAt(), mentor.getArchivedAt(),
                mentor.getVersion());
    }
}
