package dev.vouch.request.letter;

import dev.vouch.events.LetterStatus;
import dev.vouch.events.LetterKind;
import dev.vouch.events.LetterPurpose;
import dev.vouch.events.Material;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A letter request as the API shows it. */
public record LetterView(
        String id,
        String mentorId,
        LetterPurpose purpose,
        List<String> targets,
        Instant deadline,
        boolean waiverSigned,
        Set<Material> materials,
        String message,
        LetterKind kind,
        LetterStatus status,
        @Schema(description = "Less than 30 days between asking (or today, while planned) and the deadline")
        boolean shortNotice,
        @Schema(description = "Whole days left until the deadline; negative once it has passed")
        long daysUntilDeadline,
        @Schema(description = "When the student asked; absent while planned")
        Instant requestedAt,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "The version, also the ETag; send it back in If-Match to change the letter")
        long version) {

    static LetterView of(LetterRequest letter, LetterService letters) {
        return new LetterView(letter.getId(), letter.getMentorId(), letter.getPurpose(), letter.getTargets(),
                letter.getDeadline(), letter.isWaiverSigned(), letter.getMaterials(), letter.getMessage(),
                letter.getKind(), letter.getStatus(), letters.isShortNotice(letter), letters.daysUntilDeadline(letter),
                letter.getRequestedAt(), letter.getCreatedAt(), letter.getUpdatedAt(), letter.getVersion());
    }
}
