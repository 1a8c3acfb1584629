package dev.vouch.request.letter;

import dev.vouch.events.LetterKind;
import dev.vouch.events.LetterPurpose;
import dev.vouch.events.Material;
import dev.vouch.kit.web.FreeText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Set;

/** The body of {@code POST /letters}. */
public record NewLetter(
        @Schema(description = "Id of one of the student's mentors (from mentor-service)")
        @NotBlank @Size(max = 100) String mentorId,
        @NotNull LetterPurpose purpose,
        @Schema(description = "Programmes or schools the letter goes to, in the student's order")
        @Size(max = 50) List<@NotBlank @Size(max = 200) String> targets,
        @Schema(description = DEADLINE_FORMATS, oneOf = {String.class, DeadlineJson.DayInZone.class}, example = "2027-01-15T17:00:00Z")
        @NotNull Object deadline,
        @Schema(description = "The FERPA choice: true if the student waives the right to read the letter")
        @NotNull Boolean waiverSigned,
        @Schema(description = "Materials given to the writer")
        Set<@NotNull Material> materials,
        @FreeText @Size(max = 4000) String message,
        @Schema(description = "True for a letter the student means to ask for but has not asked yet")
        Boolean planned,
        @Schema(description = "What kind of letter it is; STANDARD when absent")
        LetterKind kind,
        @Schema(description = "True to assign the letter to a target already at its application system's cap "
                + "(otherwise 409 naming the cap)")
        Boolean overrideCap) {

    static final String DEADLINE_FORMATS = "An ISO-8601 date-time with an offset or zone "
            + "(\"2027-01-15T17:00:00Z\", \"2027-01-15T12:00:00-05:00\", \"2027-01-15T12:00:00-05:00[America/New_York]\"), "
            + "or a whole day in a time zone, meaning 23:59:59 that day there: "
            + "{\"date\":\"2027-01-15\",\"timeZone\":\"America/New_York\"}. Must be in the future.";

    LetterDraft toDraft() {
        return new LetterDraft(mentorId.strip(), purpose, targets, DeadlineJson.read(deadline), waiverSigned, materials,
                message, Boolean.TRUE.equals(planned), kind, Boolean.TRUE.equals(overrideCap));
    }
}
