package dev.vouch.reminder.projection;

import dev.vouch.events.LetterAccepted;
import dev.vouch.events.LetterCancelled;
import dev.vouch.events.LetterDeadlineChanged;
import dev.vouch.events.LetterDeclined;
import dev.vouch.events.LetterEvent;
import dev.vouch.events.LetterMaterialsShared;
import dev.vouch.events.LetterPurpose;
import dev.vouch.events.LetterRequested;
import dev.vouch.events.LetterSubmitted;
import dev.vouch.events.Material;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What the reminder rules know about one letter request, folded from {@code vouch.letters}.
 *
 * <p>An event applies only if its sequence is newer than the one already applied, so a duplicate or a late
 * copy changes nothing. Events of another student or tenant under the same id are ignored.
 *
 * @param deadlineSetAt when the current deadline was set (the event that set it): thresholds already passed
 *                      at that moment are "passed on arrival"
 */
public record Letter(
        String id,
        String tenant,
        String studentId,
        String mentorId,
        LetterPurpose purpose,
        Instant deadline,
        Instant deadlineSetAt,
        LetterStatus status,
        Set<Material> materials,
        Instant plannedAt,
        Instant requestedAt,
        Instant acceptedAt,
        Instant submittedAt,
        Instant closedAt,
        long sequence) {

    public Letter {
        Objects.requireNonNull(id, "id");
        materials = materials == null || materials.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(materials));
    }

    /** A letter we have heard nothing about yet; the first event fills it in. */
    public static Letter unknown(String id, String tenant, String studentId) {
        return new Letter(id, tenant, studentId, null, null, null, null, null, Set.of(), null, null, null, null, null, 0);
    }

    /** The letter after the event; {@code this} when the event is a duplicate, late, or not this student's. */
    public Letter apply(LetterEvent event, Stamp stamp) {
        if (!tenant.equals(stamp.tenant()) || !studentId.equals(stamp.studentId()) || stamp.isNotNewerThan(sequence)) {
            return this;
        }
        long seq = Math.max(sequence, stamp.sequence());
        String mentor = event.mentorId() != null ? event.mentorId() : mentorId;
        Instant at = stamp.time();
        if (event instanceof LetterRequested r) {
            Instant newDeadline = Instants.stored(r.deadline());
            boolean moved = !Objects.equals(deadline, newDeadline);
            Instant asked = r.planned() ? null : (r.requestedAt() != null ? Instants.stored(r.requestedAt()) : at);
            return new Letter(id, tenant, studentId, mentor, r.purpose(), newDeadline,
                    moved || deadlineSetAt == null ? at : deadlineSetAt,
                    r.planned() ? LetterStatus.PLANNED : LetterStatus.REQUESTED, r.materials(),
                    r.planned() ? at : plannedAt, asked, acceptedAt, submittedAt, closedAt, seq);
        }
        if (event instanceof LetterAccepted) {
            return withStatus(mentor, LetterStatus.ACCEPTED, at, submittedAt, closedAt, seq);
        }
        if (event instanceof LetterDeclined) {
            return withStatus(mentor, LetterStatus.DECLINED, acceptedAt, submittedAt, at, seq);
        }
        if (event instanceof LetterCancelled) {
            return withStatus(mentor, LetterStatus.CANCELLED, acceptedAt, submittedAt, at, seq);
        }
        if (event instanceof LetterSubmitted) {
            return withStatus(mentor, LetterStatus.SUBMITTED, acceptedAt, at, at, seq);
        }
        if (event instanceof LetterDeadlineChanged c) {
            return new Letter(id, tenant, studentId, mentor, purpose, Instants.stored(c.deadline()), at,
                    status, materials, plannedAt, requestedAt, acceptedAt, submittedAt, closedAt, seq);
        }
        if (event instanceof LetterMaterialsShared m) {
            return new Letter(id, tenant, studentId, mentor, purpose, deadline, deadlineSetAt,
                    status, m.materials(), plannedAt, requestedAt, acceptedAt, submittedAt, closedAt, seq);
        }
        return this;
    }

    private Letter withStatus(String mentor, LetterStatus next, Instant accepted, Instant submitted, Instant closed,
                              long seq) {
        return new Letter(id, tenant, studentId, mentor, purpose, deadline, deadlineSetAt, next, materials, plannedAt,
                requestedAt, accepted, submitted, closed, seq);
    }

    /** Known from a LetterRequested (planned or asked), so its deadline and purpose are known. */
    public boolean isKnown() {
        return status != null;
    }

    public boolean isOpen() {
        return status != null && status.isOpen();
    }

    /** Declined or cancelled: every follow-up of the letter stops. */
    public boolean isStopped() {
        return status == LetterStatus.DECLINED || status == LetterStatus.CANCELLED;
    }

    public boolean isSubmitted() {
        return status == LetterStatus.SUBMITTED;
    }

    public boolean isRequested() {
        return requestedAt != null;
    }
}
