package dev.vouch.mentor.mentor;

import org.springdoc.core.annotations.ParameterObject;
import dev.vouch.kit.web.PageRequest;
import dev.vouch.events.MentorStatus;
import dev.vouch.kit.security.AccessScope;
import dev.vouch.kit.web.Versions;
import dev.vouch.kit.web.ResultPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/mentors")
@Tag(name = "Mentors", description = "The people who could write a student's letters")
public class MentorController {

    static final String MERGE_PATCH_JSON = "application/merge-patch+json";

    private final MentorService mentors;

    public MentorController(MentorService mentors) {
        this.mentors = mentors;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a mentor", description = "Publishes MentorAdded. Answers 201 with Location and ETag.")
    public ResponseEntity<MentorView> add(AccessScope scope, @Valid @RequestBody MentorDetails details) {
        Mentor mentor = mentors.add(scope, details);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}")
                        .buildAndExpand(mentor.getId()).toUri())
                .eTag(Versions.etag(mentor.getVersion()))
                .body(MentorView.of(mentor));
    }

    @GetMapping
    @Operation(summary = "List or search mentors",
            description = "q is plain text matched case-insensitively against name, specialty and organization.")
    public ResultPage<MentorView> search(AccessScope scope,
                                         @RequestParam(required = false) @Size(max = 200) String q,
                                         @RequestParam(required = false) MentorStatus status,
                                         @ParameterObject PageRequest paging) {
        return mentors.search(scope, q, status, paging.page(), paging.size()).map(MentorView::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a mentor", description = "The ETag is the version to send in If-Match.")
    public ResponseEntity<MentorView> get(AccessScope scope, @PathVariable String id) {
        return withETag(mentors.get(scope, id));
    }

    @PatchMapping(path = "/{id}", consumes = {MERGE_PATCH_JSON, "application/json"})
    @Operation(summary = "Change a mentor (JSON merge patch)",
            description = "Requires If-Match with the version read (428 without, 412 if stale). Null clears a field. "
                    + "Publishes MentorUpdated with the changed fields; 409 if the mentor is archived.")
    public ResponseEntity<MentorView> update(AccessScope scope, @PathVariable String id,
                                             @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                             @io.swagger.v3.oas.annotations.parameters.RequestBody(description =
                                                     "A JSON merge patch (RFC 7396) of the mentor's details: the "
                                                     + "members of MentorDetails, each optional; null clears a member "
                                                     + "(back to its default), an absent one is kept. Any other member "
                                                     + "answers 400.")
                                             @RequestBody JsonNode patch) {
        return withETag(mentors.update(scope, id, ifMatch, patch));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Archive a mentor", description = "Idempotent. Publishes MentorArchived the first time.")
    public ResponseEntity<Void> archive(AccessScope scope, @PathVariable String id) {
        mentors.archive(scope, id);
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<MentorView> withETag(Mentor mentor) {
        return ResponseEntity.ok().eTag(Versions.etag(mentor.getVersion())).body(MentorView.of(mentor));
    }
}
