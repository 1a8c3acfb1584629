package dev.vouch.reminder.projection;

import dev.vouch.kit.time.MillisecondClock;
import dev.vouch.events.MentorStatus;
import dev.vouch.events.ContactLogged;
import dev.vouch.events.ContactType;
import dev.vouch.events.MentorAdded;
import dev.vouch.events.MentorEvent;
import dev.vouch.events.MentorUpdated;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the reminder rules know about one mentor, folded from {@code vouch.mentors}, plus the letters asked of
 * them (from {@code vouch.letters}).
 *
 * <p>A letter may arrive before its mentor (the topics are not ordered with each other): the letter then
 * creates a placeholder ({@link #known()} false) that the mentor's own events fill in later.
 *
 * <p>Mentor details (added, updated, archived) apply only if newer than the sequence already applied.
 * Contacts fold in as "latest contact" maxima, which a duplicate or a late copy cannot move backwards,
 * whatever sequence numbering the producer gives them.
 *
 * @param addedAt        when the mentor was added: the stay-in-touch clock starts here until a first contact
 * @param lastThankYouAt the latest THANK_YOU contact with this mentor
 * @param letterIds      letters asked of (or planned with) this mentor, so a mentor's change can reach them
 */
public record Mentor(
        String id,
        String tenant,
        String studentId,
        boolean known,
        String name,
        MentorStatus status,
        int stayInTouchDays,
        Instant addedAt,
        Instant lastContactAt,
        Instant lastThankYouAt,
        long sequence,
        Set<String> letterIds) {

    public Mentor {
        Objects.requireNonNull(id, "id");
        letterIds = letterIds == null || letterIds.isEmpty() ? Set.of() : Set.copyOf(new TreeSet<>(letterIds));
        status = status == null ? MentorStatus.ACTIVE : status;
    }

    /** A mentor only known from a letter so far. */
    public static Mentor placeholder(String id, String tenant, String studentId) {
        return new Mentor(id, tenant, studentId, false, null, MentorStatus.ACTIVE, 0, null, null, null, 0, Set.of());
    }

    public Mentor withLetter(String letterId) {
        if (letterIds.contains(letterId)) {
            return this;
        }
        Set<String> letters = new TreeSet<>(letterIds);
        letters.add(letterId);
        return new Mentor(id, tenant, studentId, known, name, status, stayInTouchDays, addedAt, lastContactAt,
                lastThankYouAt, sequence, letters);
    }

    /** The mentor after the event; {@code this} when it changes nothing. */
    public Mentor apply(MentorEvent event, Stamp stamp) {
        if (!tenant.equals(stamp.tenant()) || !studentId.equals(stamp.studentId())) {
            return this;
        }
        if (event instanceof ContactLogged contact) {
            Instant at = contact.occurredAt() != null ? MillisecondClock.cut(contact.occurredAt()) : stamp.time();
            Instant contacted = latest(lastContactAt, at);
            Instant thanked = contact.type() == ContactType.THANK_YOU ? latest(lastThankYouAt, at) : lastThankYouAt;
            if (Objects.equals(contacted, lastContactAt) && Objects.equals(thanked, lastThankYouAt)) {
                return this;
            }
            return new Mentor(id, tenant, studentId, known, name, status, stayInTouchDays, addedAt, contacted, thanked,
                    sequence, letterIds);
        }
        if (stamp.isNotNewerThan(sequence)) {
            return this;
        }
        long seq = Math.max(sequence, stamp.sequence());
        if (event instanceof MentorAdded added) {
            return new Mentor(id, tenant, studentId, true, added.name(), status, added.stayInTouchDays(),
                    addedAt != null ? addedAt : stamp.time(), lastContactAt, lastThankYouAt, seq, letterIds);
        }
        if (event instanceof MentorUpdated updated) {
            return new Mentor(id, tenant, studentId, true, updated.name(), status, updated.stayInTouchDays(),
                    addedAt != null ? addedAt : stamp.time(), lastContactAt, lastThankYouAt, seq, letterIds);
        }
        if (MentorStatus.after(event).orElse(null) == MentorStatus.ARCHIVED) {
            return new Mentor(id, tenant, studentId, known, name, MentorStatus.ARCHIVED, stayInTouchDays, addedAt,
                    lastContactAt, lastThankYouAt, seq, letterIds);
        }
        return this;
    }

    public boolean isActive() {
        return status == MentorStatus.ACTIVE;
    }

    /** When the stay-in-touch clock last started: the latest contact, or the day the mentor was added. */
    public Instant lastTouch() {
        return lastContactAt != null ? lastContactAt : addedAt;
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
