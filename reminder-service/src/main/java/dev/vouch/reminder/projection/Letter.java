package dev.vouch.reminder.projection;

import dev.vouch.kit.time.MillisecondClock;
import dev.vouch.events.LetterStatus;
import dev.vouch.events.LetterDeadlineChanged;
import dev.vouch.events.LetterEvent;
import dev.vouch.events.LetterMaterialsShared;
import dev.vouch.events.LetterPurpose;
import dev.vouch.events.LetterRequested;
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
 * @param shortNotice   the writer was given too little time, as request-service decided and published it
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
        boolean shortNotice,
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
        return new Letter(id, tenant, studentId, null, null, null, null, null, Set.of(), null, null, false, null, null,
                null, 0);
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
            Instant newDeadline = MillisecondClock.cut(r.deadline());
            boolean moved = !Objects.equals(deadline, newDeadline);
            Instant asked = r.planned() ? null : (r.requestedAt() != null ? MillisecondClock.cut(r.requestedAt()) : at);
            return new Letter(id, tenant, studentId, mentor, r.purpose(), newDeadline,
                    moved || deadlineSetAt == null ? at : deadlineSetAt,
                    r.planned() ? LetterStatus.PLANNED : LetterStatus.REQUESTED, r.materials(),
                    r.planned() ? at : plannedAt, asked, !r.planned() && r.shortNotice(), acceptedAt, submittedAt,
                    closedAt, seq);
        }
        if (event instanceof LetterDeadlineChanged c) {
            return new Letter(id, tenant, studentId, mentor, purpose, MillisecondClock.cut(c.deadline()), at,
                    status, materials, plannedAt, requestedAt, shortNotice, acceptedAt, submittedAt, closedAt, seq);
        }
        if (event instanceof LetterMaterialsShared m) {
            return new Letter(id, tenant, studentId, mentor, purpose, deadline, deadlineSetAt,
                    status, m.materials(), plannedAt, requestedAt, shortNotice, acceptedAt, submittedAt, closedAt, seq);
        }
        return LetterStatus.after(event).map(next -> moved(mentor, next, at, seq)).orElse(this);
    }

    /** Accepted, declined, submitted or cancelled at {@code at}: the shared fold says which. */
    private Letter moved(String mentor, LetterStatus next, Instant at, long seq) {
        return new Letter(id, tenant, studentId, mentor, purpose, deadline, deadlineSetAt, next, materials, plannedAt,
                requestedAt, shortNotice, next == LetterStatus.ACCEPTED ? at : acceptedAt,
                next == LetterStatus.SUBMITTED ? at : submittedAt, next.isFinal() ? at : closedAt, seq);
    }

    /** Known from a LetterRequested (planned or asked), so its deadline and purpose are known. */
    public boolean isKnown() {
        return status != null;
    }

    public boolean isOpen() {
        return status != null && !status.isFinal();
    }

    public boolean isSubmitted() {
        return status == LetterStatus.SUBMITTED;
    }

    public boolean isRequested() {
        return requestedAt != null;
    }
}
