package dev.vouch.mentor.mentor;

import dev.vouch.events.MentorRelationship;
import dev.vouch.events.MentorSource;
import dev.vouch.kit.web.FreeText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the student writes about a mentor: the body of {@code POST /mentors}, the target of a merge patch, and
 * the mentor's stored details. Text is trimmed and blank text counts as absent; the defaults (relationship
 * OTHER, a 90-day stay-in-touch cadence, no ratings) are filled in here, so a patch that sets a field to null
 * brings back its default.
 */
public record MentorDetails(
        @NotBlank @Size(max = 200) String name,
        @Email @Size(max = 254) String email,
        @Size(max = 200) String title,
        @Size(max = 200) String specialty,
        @Size(max = 200) String organization,
        MentorRelationship relationship,
        MentorSource source,
        @Min(7) @Max(365) Integer stayInTouchDays,
        @FreeText @Size(max = 4000) String notes,
        @Valid Ratings ratings) {

    public static final int DEFAULT_STAY_IN_TOUCH_DAYS = 90;

    public MentorDetails {
        name = trimmed(name);
        email = trimmed(email);
        title = trimmed(title);
        specialty = trimmed(specialty);
        organization = trimmed(organization);
        notes = trimmed(notes);
        relationship = relationship == null ? MentorRelationship.OTHER : relationship;
        stayInTouchDays = stayInTouchDays == null ? DEFAULT_STAY_IN_TOUCH_DAYS : stayInTouchDays;
        ratings = ratings == null ? Ratings.NONE : ratings;
    }

    /** Names of the fields whose value differs from {@code other}, in declaration order. */
    public List<String> differences(MentorDetails other) {
        List<String> changed = new ArrayList<>();
        compare(changed, "name", name, other.name);
        compare(changed, "email", email, other.email);
        compare(changed, "title", title, other.title);
        compare(changed, "specialty", specialty, other.specialty);
        compare(changed, "organization", organization, other.organization);
        compare(changed, "relationship", relationship, other.relationship);
        compare(changed, "source", source, other.source);
        compare(changed, "stayInTouchDays", stayInTouchDays, other.stayInTouchDays);
        compare(changed, "notes", notes, other.notes);
        changed.addAll(ratings.differences(other.ratings));
        return changed;
    }

    private static void compare(List<String> changed, String name, Object mine, Object theirs) {
        if (!Objects.equals(mine, theirs)) {
            changed.add(name);
        }
    }

    private static String trimmed(String text) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
