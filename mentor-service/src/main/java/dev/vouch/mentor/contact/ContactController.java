package dev.vouch.mentor.contact;

import org.springdoc.core.annotations.ParameterObject;
import dev.vouch.kit.web.PageRequest;
import dev.vouch.kit.security.AccessScope;
import dev.vouch.kit.web.ResultPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/v1/mentors/{mentorId}/contacts")
@Tag(name = "Contacts", description = "The log of a student's contacts with a mentor")
public class ContactController {

    private final ContactLog contacts;

    public ContactController(ContactLog contacts) {
        this.contacts = contacts;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Log a contact",
            description = "Publishes ContactLogged. 201 for a new contact, 200 when the same contact was logged "
                    + "before; 409 if the mentor is archived.")
    public ResponseEntity<ContactView> log(AccessScope scope, @PathVariable String mentorId,
                                           @Valid @RequestBody NewContact contact) {
        ContactLog.Logged logged = contacts.log(scope, mentorId, contact);
        return ResponseEntity.status(logged.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}")
                        .buildAndExpand(logged.contact().id()).toUri())
                .body(ContactView.of(logged.contact()));
    }

    @GetMapping
    @Operation(summary = "List a mentor's contacts, newest first",
            description = "The contacts logged with one of the student's mentors, one page at a time (size 1 to 100). "
                    + "Advisors pass studentId.")
    public ResultPage<ContactView> list(AccessScope scope, @PathVariable String mentorId,
                                        @ParameterObject PageRequest paging) {
        return contacts.list(scope, mentorId, paging.page(), paging.size()).map(ContactView::of);
    }

    @GetMapping("/{contactId}")
    @Operation(summary = "Read one contact",
            description = "One logged contact of the mentor: its type, when it happened and the notes. Advisors pass "
                    + "studentId.")
    public ContactView get(AccessScope scope, @PathVariable String mentorId, @PathVariable String contactId) {
        return ContactView.of(contacts.get(scope, mentorId, contactId));
    }
}
