package dev.vouch.mentor.writer;

import dev.vouch.kit.security.AccessScopeArgumentResolver;
import dev.vouch.kit.security.Role;
import dev.vouch.kit.security.VouchPrincipal;
import dev.vouch.kit.web.ConflictException;
import dev.vouch.kit.web.NotFoundException;
import dev.vouch.kit.web.PageRequest;
import dev.vouch.kit.web.ResultPage;
import dev.vouch.mentor.mentor.Mentor;
import dev.vouch.mentor.mentor.MentorRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;

@RestController
@RequestMapping("/api/v1/advisor/writers")
@Tag(name = "Writers", description = "The people writing letters for an institution's students, and their load")
class WriterController {

    private final WriterBoard board;
    private final WriterLinks links;
    private final MentorRepository mentors;
    private final Clock clock;

    WriterController(WriterBoard board, WriterLinks links, MentorRepository mentors, Clock clock) {
        this.board = board;
        this.links = links;
        this.mentors = mentors;
        this.clock = clock;
    }

    record MentorLink(@NotBlank @Size(max = 100) String mentorId) {
    }

    @GetMapping
    @Operation(summary = "Writers with letters in progress across the institution's students (ADVISOR only)",
            description = "One writer per person: mentors of different students matched by normalized email, or "
                    + "linked by an advisor. Each with open letters (requested or accepted), how many are due within "
                    + "7 and 14 days (overdue included), the earliest deadline, accepted vs not answered, and a load "
                    + "level (HIGH when vouch.writers.threshold, default 5, or more are due within 14 days). Riskiest "
                    + "first, paged. Accept: text/csv gives one row per writer.")
    ResultPage<WriterLoad> writers(@ParameterObject PageRequest paging) {
        VouchPrincipal advisor = advisor();
        List<WriterLoad> all = board.loads(advisor.tenant(), clock.instant());
        return new ResultPage<>(all.stream().skip(paging.offset()).limit(paging.size()).toList(), paging.page(),
                paging.size(), all.size());
    }

    @PostMapping("/{writerId}/mentors")
    @Operation(summary = "Link a mentor without an email to a writer (ADVISOR only)",
            description = "For the same person recorded by different students where no email matches them. The mentor "
                    + "must be of the advisor's institution and have no email (409 otherwise: the email decides). 204.")
    ResponseEntity<Void> link(@PathVariable String writerId, @Valid @RequestBody MentorLink body) {
        VouchPrincipal advisor = advisor();
        Mentor mentor = mentorOf(advisor, body.mentorId());
        if (mentor.getWriterKey() != null) {
            throw new ConflictException("writer-matched-by-email",
                    "Mentor " + mentor.getId() + " has an email: writers with an email are matched by it")
                    .with("mentorId", mentor.getId());
        }
        if (!board.exists(advisor.tenant(), writerId)) {
            throw new NotFoundException("Writer", writerId);
        }
        links.link(advisor.tenant(), mentor.getId(),
                new WriterLinks.Link(writerId, board.emailKeyOf(advisor.tenant(), writerId)));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{writerId}/mentors/{mentorId}")
    @Operation(summary = "Undo a link (ADVISOR only)",
            description = "The mentor is a writer of its own again. 204; 404 if the mentor was not linked to this writer.")
    ResponseEntity<Void> unlink(@PathVariable String writerId, @PathVariable String mentorId) {
        VouchPrincipal advisor = advisor();
        WriterLinks.Link link = links.of(advisor.tenant()).get(mentorId);
        if (link == null || !link.writerId().equals(writerId) || !links.unlink(advisor.tenant(), mentorId)) {
            throw new NotFoundException("Link of mentor", mentorId);
        }
        return ResponseEntity.noContent().build();
    }

    private Mentor mentorOf(VouchPrincipal advisor, String mentorId) {
        return mentors.findById(mentorId).filter(m -> advisor.tenant().equals(m.getTenant()))
                .orElseThrow(() -> new NotFoundException("Mentor", mentorId));
    }

    private static VouchPrincipal advisor() {
        VouchPrincipal caller = AccessScopeArgumentResolver.currentPrincipal();
        if (!caller.has(Role.ADVISOR)) {
            throw new AccessDeniedException("Only advisors see the institution's writers");
        }
        return caller;
    }
}
