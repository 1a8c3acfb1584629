package dev.vouch.request.coverage;

import dev.vouch.events.ApplicationSystem;
import dev.vouch.events.LetterKind;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.Set;

/** The body of {@code POST /targets}: a target as the student's letters name it, and what it is. */
public record NewTarget(
        @Schema(description = "The target as the letters name it (matched ignoring case and spacing)")
        @NotBlank @Size(max = 200) String name,
        @Schema(description = "The application system it receives letters through") @NotNull ApplicationSystem system,
        @Schema(description = "The target's own deadline (ISO-8601 instant); absent: the earliest deadline of its letters")
        Instant deadline,
        @Schema(description = "Kinds of letter this programme asks for beyond its system's rule, e.g. CHAIR or SLOE")
        @Size(max = 4) Set<@NotNull LetterKind> requiredKinds) {
}
