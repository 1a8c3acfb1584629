package dev.vouch.mentor.mentor;

import dev.vouch.events.MentorStatus;
import dev.vouch.events.ContactLogged;
import dev.vouch.events.MentorAdded;
import dev.vouch.events.MentorArchived;
import dev.vouch.events.MentorUpdated;
import dev.vouch.kit.outbox.AggregateRoot;
import dev.vouch.kit.outbox.ListedByStudent;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Someone who could write a letter for a student: the student's details about them, whether they are still
 * followed, and the contact log's summary. Each change registers the event that announces it; saving through
 * the kit's outbox stamps it (its sequence is the version the change produces) and stores both at once.
 */
@Document(Mentor.COLLECTION)
public class Mentor extends AggregateRoot implements ListedByStudent {

    public static final String COLLECTION = "mentors";
    /** How many recent contacts the document keeps; older ones live only in the contact history. */
    static final int RECENT_CONTACTS = 5;

    private MentorDetails details;
    /** The name in lower case, so lists sort the way people read them. */
    private String sortName;
    /** The normalized email: mentors of different students with the same one are one writer. */
    private String writerKey;
    /** The writer key as read from the store (null for a new mentor): the writer-key index is written only on a change. */
    @Transient
    private final String storedWriterKey;
    private MentorStatus status;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant archivedAt;
    private Instant lastContactAt;
    private int contactCount;
    private List<ContactEntry> recentContacts;
    /** 0 until stored; the first save stores 1, the sequence of {@code MentorAdded}. */
    @Version
    private long version;

    @PersistenceCreator
    Mentor(String id, String tenant, String studentId, MentorDetails details, MentorStatus status,
           Instant createdAt, Instant updatedAt, Instant archivedAt, Instant lastContactAt, int contactCount,
           List<ContactEntry> recentContacts, long version) {
        super(id, tenant, studentId);
        this.details = details;
        this.sortName = sortName(details);
        this.writerKey = writerKey(details);
        this.storedWriterKey = version == 0 ? null : writerKey;
        this.status = status;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.archivedAt = archivedAt;
        this.lastContactAt = lastContactAt;
        this.contactCount = contactCount;
        this.recentContacts = recentContacts == null ? new ArrayList<>() : new ArrayList<>(recentContacts);
        this.version = version;
    }

    /** A new, active mentor, announced by MentorAdded; not yet stored. */
    public static Mentor add(String id, String tenant, String studentId, MentorDetails details, Instant now) {
        Mentor mentor = new Mentor(id, tenant, studentId, details, MentorStatus.ACTIVE, now, now, null, null, 0,
                List.of(), 0);
        mentor.registerEvent(mentor.added());
        return mentor;
    }

    /**
     * Replaces the details.
     *
     * @return the names of the fields that changed; empty (and nothing touched) when the details are the same
     */
    public List<String> update(MentorDetails next, Instant now) {
        List<String> changed = details.differences(next);
        if (!changed.isEmpty()) {
            details = next;
            sortName = sortName(next);
            writerKey = writerKey(next);
            updatedAt = now;
            registerEvent(updated(changed));
        }
        return changed;
    }

    /** @return false if the mentor was archived already (nothing changes then) */
    public boolean archive(Instant now) {
        if (isArchived()) {
            return false;
        }
        status = MentorStatus.ARCHIVED;
        archivedAt = now;
        updatedAt = now;
        registerEvent(archived());
        return true;
    }

    /** Counts a contact: the last contact is the latest one that happened, whatever order they are logged in. */
    public void logContact(ContactEntry contact) {
        contactCount++;
        if (lastContactAt == null || contact.occurredAt().isAfter(lastContactAt)) {
            lastContactAt = contact.occurredAt();
        }
        recentContacts.add(contact);
        recentContacts.sort(Comparator.comparing(ContactEntry::loggedAt).thenComparing(ContactEntry::id));
        while (recentContacts.size() > RECENT_CONTACTS) {
            recentContacts.remove(0);
        }
        updatedAt = contact.loggedAt();
        registerEvent(contactLogged(contact));
    }

    public Optional<ContactEntry> recentContact(String contactId) {
        return recentContacts.stream().filter(contact -> contact.id().equals(contactId)).findFirst();
    }

    private MentorAdded added() {
        return new MentorAdded(getId(), details.name(), details.title(), details.specialty(), details.organization(),
                details.relationship(), details.source(), details.stayInTouchDays());
    }

    private MentorUpdated updated(List<String> changedFields) {
        return new MentorUpdated(getId(), changedFields, details.name(), details.title(), details.specialty(),
                details.organization(), details.relationship(), details.stayInTouchDays());
    }

    private MentorArchived archived() {
        return new MentorArchived(getId());
    }

    private ContactLogged contactLogged(ContactEntry contact) {
        return new ContactLogged(getId(), contact.id(), contact.type(), contact.occurredAt());
    }

    public boolean isArchived() {
        return status == MentorStatus.ARCHIVED;
    }

    private static String sortName(MentorDetails details) {
        return details == null || details.name() == null ? null : details.name().toLowerCase(Locale.ROOT);
    }

    /** How writers are matched across students: the email, trimmed and in lower case; null without one. */
    public static String writerKey(MentorDetails details) {
        return details == null || details.email() == null || details.email().isBlank() ? null
                : details.email().strip().toLowerCase(Locale.ROOT);
    }

    public String getWriterKey() {
        return writerKey;
    }

    /** Whether the writer key is not yet stored: a new mentor with an email, or the email changed. */
    boolean writerKeyUnstored() {
        return writerKey != null && !writerKey.equals(storedWriterKey);
    }




    public MentorDetails getDetails() {
        return details;
    }

    public MentorStatus getStatus() {
        return status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getArchivedAt() {
        return archivedAt;
    }

    public Instant getLastContactAt() {
        return lastContactAt;
    }

    public int getContactCount() {
        return contactCount;
    }

    public List<ContactEntry> getRecentContacts() {
        return List.copyOf(recentContacts);
    }

    public long getVersion() {
        return version;
    }
}
