package dev.vouch.request.letter;

import org.springdoc.core.annotations.ParameterObject;
import dev.vouch.kit.web.PageRequest;
import dev.vouch.events.LetterStatus;
import dev.vouch.kit.web.ResultPage;
import dev.vouch.events.Material;
import dev.vouch.kit.security.AccessScope;
import dev.vouch.kit.web.ConflictException;
import dev.vouch.kit.web.InvalidFieldException;
import dev.vouch.kit.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

@RestController
@RequestMapping("/api/v1/letters")
@Tag(name = "Letters", description = "Letter requests: ask a mentor for a letter, follow it to submission")
class LetterController {

    private static final String IF_MATCH_HELP =
            "The letter's version as last read (its ETag); 428 without it, 412 if stale";

    private final LetterService letters;

    LetterController(LetterService letters) {
        this.letters = letters;
    }

    record StatusChange(@NotNull LetterStatus status) {
    }

    record DeadlineChange(@Schema(description = NewLetter.DEADLINE_FORMATS, example = "2027-01-15T17:00:00Z",
            oneOf = {String.class, DeadlineJson.DayInZone.class}) @NotNull Object deadline) {
    }

    record MaterialsChange(
            @Schema(description = "The whole set the writer now has") @NotNull Set<@NotNull Material> materials) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ask a mentor for a letter, or plan to",
            description = "201 with the letter. The mentor must be one of the student's and not archived: unknown "
                    + "answers 422 (after waiting briefly for a mentor created a moment ago), archived 409.")
    ResponseEntity<LetterView> ask(AccessScope scope, @Valid @RequestBody NewLetter body) {
        LetterRequest letter = letters.ask(scope, body.toDraft());
        return ResponseEntity.created(URI.create("/api/v1/letters/" + letter.getId()))
                .eTag(Versions.etag(letter.getVersion()))
                .body(LetterView.of(letter, letters));
    }

    @GetMapping
    @Operation(summary = "List letters, soonest deadline first",
            description = "The student's letter requests, filtered by status (repeatable), deadline before an instant "
                    + "and mentor, one page at a time (size 1 to 100). Advisors pass studentId.")
    ResultPage<LetterView> list(AccessScope scope,
                    @Parameter(description = "Any of these statuses; repeat the parameter for several")
                    @RequestParam(required = false) List<LetterStatus> status,
                    @Parameter(description = "Deadline strictly before this instant, e.g. 2027-02-01T00:00:00Z")
                    @RequestParam(required = false) Instant dueBefore,
                    @Parameter(description = "Only letters asked of this mentor")
                    @RequestParam(required = false) String mentorId,
                    @ParameterObject PageRequest paging) {
        LetterFilter filter = new LetterFilter(status == null ? Set.of() : new HashSet<>(status), dueBefore, mentorId);
        LetterStore.Page found = letters.list(scope, filter, paging.page(), paging.size());
        return new ResultPage<>(found.items().stream().map(letter -> LetterView.of(letter, letters)).toList(),
                paging.page(), paging.size(), found.total());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One letter, with its version as ETag",
            description = "The letter with its status, deadline, materials and history. The ETag is the version to "
                    + "send in If-Match to change it. Advisors pass studentId; another student's letter answers 404.")
    ResponseEntity<LetterView> get(AccessScope scope, @PathVariable String id) {
        return withETag(letters.get(scope, id));
    }

    @PostMapping("/{id}/status")
    @Operation(summary = "Move the letter along its lifecycle",
            description = "PLANNED -> REQUESTED -> ACCEPTED | DECLINED; ACCEPTED -> SUBMITTED; REQUESTED -> SUBMITTED; "
                    + "PLANNED | REQUESTED | ACCEPTED -> CANCELLED. Any other move, including to the current status, "
                    + "answers 409 with currentStatus and allowedStatuses, and changes nothing.")
    ResponseEntity<LetterView> move(AccessScope scope, @PathVariable String id,
                                    @Parameter(description = IF_MATCH_HELP)
                                    @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                    @Valid @RequestBody StatusChange body) {
        return withETag(letters.move(scope, id, ifMatch, body.status()));
    }

    @PutMapping("/{id}/deadline")
    @Operation(summary = "Move the deadline", description = "409 once the letter is final; the same deadline changes nothing")
    ResponseEntity<LetterView> moveDeadline(AccessScope scope, @PathVariable String id,
                                            @Parameter(description = IF_MATCH_HELP)
                                    @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                            @Valid @RequestBody DeadlineChange body) {
        return withETag(letters.moveDeadline(scope, id, ifMatch, DeadlineJson.read(body.deadline())));
    }

    @PutMapping("/{id}/materials")
    @Operation(summary = "Replace the materials the writer has",
            description = "409 once the letter is final; the same set changes nothing")
    ResponseEntity<LetterView> shareMaterials(AccessScope scope, @PathVariable String id,
                                              @Parameter(description = IF_MATCH_HELP)
                                    @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                              @Valid @RequestBody MaterialsChange body) {
        return withETag(letters.shareMaterials(scope, id, ifMatch, body.materials()));
    }

    @ExceptionHandler(InvalidDeadlineException.class)
    ErrorResponse invalidDeadline(InvalidDeadlineException e) {
        return new InvalidFieldException("deadline", e.getMessage());
    }

    @ExceptionHandler(IllegalMoveException.class)
    ErrorResponse illegalMove(IllegalMoveException e) {
        return new ConflictException("illegal-transition", e.getMessage())
                .with("currentStatus", e.currentStatus())
                .with("requestedStatus", e.target())
                .with("allowedStatuses", e.allowed());
    }

    @ExceptionHandler(LetterClosedException.class)
    ErrorResponse closed(LetterClosedException e) {
        return new ConflictException("letter-closed", e.getMessage()).with("currentStatus", e.currentStatus());
    }

    private ResponseEntity<LetterView> withETag(LetterRequest letter) {
        return ResponseEntity.ok().eTag(Versions.etag(letter.getVersion())).body(LetterView.of(letter, letters));
    }
}
