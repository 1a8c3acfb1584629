package dev.vouch.mentor.contact;

import dev.vouch.kit.outbox.ConflictRetry;
import dev.vouch.kit.security.AccessScope;
import dev.vouch.kit.web.ConflictException;
import dev.vouch.kit.web.InvalidFieldException;
import dev.vouch.kit.web.NotFoundException;
import dev.vouch.kit.web.ResultPage;
import dev.vouch.mentor.mentor.ContactEntry;
import dev.vouch.mentor.mentor.Mentor;
import dev.vouch.mentor.mentor.MentorRepository;
import dev.vouch.mentor.mentor.MentorService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;

/**
 * Logs contacts with mentors. Without transactions, the order of the writes is what keeps a contact from being
 * lost or counted twice:
 * <ol>
 *   <li>The mentor document is written first, in one write: the contact among its recent contacts, the
 *       contact counters and the {@code ContactLogged} event (sequence = the mentor's new version). Either
 *       all of it is stored or none of it; a lost race with another write is retried from a fresh read.</li>
 *   <li>Then the contact is copied into the history collection. A crash in between leaves it in the mentor's
 *       recent contacts, from where the next contact or the next read of the history files it.</li>
 * </ol>
 * The contact id is derived from what the contact says, so a client that posts the same contact again finds
 * it logged (200) instead of counting it twice.
 */
@Service
public class ContactLog {

    public static final String LOGGED_METRIC = "vouch.mentors.contacts.logged";

    private final MentorService mentors;
    private final MentorRepository mentorRepository;
    private final ContactHistory history;
    private final Clock clock;
    private final MeterRegistry registry;

    public ContactLog(MentorService mentors, MentorRepository mentorRepository, ContactHistory history, Clock clock,
                      MeterRegistry registry) {
        this.mentors = mentors;
        this.mentorRepository = mentorRepository;
        this.history = history;
        this.clock = clock;
        this.registry = registry;
    }

    /** What logging a contact did: {@code created} is false when the same contact had been logged before. */
    public record Logged(Contact contact, boolean created) {
    }

    public Logged log(AccessScope scope, String mentorId, NewContact request) {
        Instant now = clock.instant();
        if (ContactRules.isTooFarAhead(request.occurredAt(), now)) {
            throw new InvalidFieldException("occurredAt", "must not be more than "
                    + ContactRules.MAX_AHEAD.toHours() + " hours in the future");
        }
        Logged logged = ConflictRetry.retrying(MentorService.ATTEMPTS, () -> {
            Mentor mentor = mentors.get(scope, mentorId);
            history.file(mentor);
            String contactId = ContactRules.contactId(mentor.getTenant(), mentor.getStudentId(), mentorId,
                    request.type(), request.occurredAt(), request.notes());
            var existing = history.findById(contactId);
            if (existing.isPresent()) {
                return new Logged(existing.get(), false);
            }
            if (mentor.isArchived()) {
                throw new ConflictException("mentor-archived", "Mentor " + mentorId + " is archived; contacts "
                        + "cannot be logged").with("currentStatus", mentor.getStatus());
            }
            ContactEntry entry = new ContactEntry(contactId, request.type(), request.occurredAt(), request.notes(), now);
            mentor.logContact(entry);
            Mentor saved = mentorRepository.save(mentor);
            history.file(saved);
            return new Logged(Contact.of(saved, entry), true);
        });
        if (logged.created()) {
            Counter.builder(LOGGED_METRIC).description("Contacts logged with mentors, by kind of contact")
                    .tag("type", logged.contact().type().name())
                    .register(registry).increment();
        }
        return logged;
    }

    public Contact get(AccessScope scope, String mentorId, String contactId) {
        Mentor mentor = mentors.get(scope, mentorId);
        history.file(mentor);
        return history.findById(contactId)
                .filter(contact -> contact.mentorId().equals(mentorId) && scope.covers(contact))
                .orElseThrow(() -> new NotFoundException("Contact", contactId));
    }

    /** The mentor's contacts, newest first. */
    public ResultPage<Contact> list(AccessScope scope, String mentorId, int page, int size) {
        Mentor mentor = mentors.get(scope, mentorId);
        history.file(mentor);
        return history.ofMentor(scope.criteria(), mentorId, page, size);
    }
}
