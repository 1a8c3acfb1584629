package dev.vouch.request.letter;

import dev.vouch.events.LetterStatus;
import dev.vouch.events.Deadlines;
import dev.vouch.events.LetterAccepted;
import dev.vouch.events.LetterCancelled;
import dev.vouch.events.LetterDeadlineChanged;
import dev.vouch.events.LetterDeclined;
import dev.vouch.events.LetterEvent;
import dev.vouch.events.LetterKind;
import dev.vouch.events.LetterMaterialsShared;
import dev.vouch.events.LetterPurpose;
import dev.vouch.events.LetterRequested;
import dev.vouch.events.LetterSubmitted;
import dev.vouch.events.Material;
import dev.vouch.kit.outbox.AggregateRoot;
import dev.vouch.kit.outbox.ListedByStudent;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One letter a student asks (or plans to ask) of one mentor: what it is for, where it goes, when it is due,
 * what the writer was given, and where it stands. Vouch never holds the letter itself.
 *
 * <p>Each change registers the event that describes it and returns it; {@link LetterStore} saves both at once
 * through the kit's outbox, which stamps the event. The rules themselves live in {@link LetterLifecycle},
 * {@link Deadline} and {@link ShortNotice}.
 */
@Document(LetterRequest.COLLECTION)
public class LetterRequest extends AggregateRoot implements ListedByStudent {

    public static final String COLLECTION = "letters";

    private String mentorId;
    private LetterPurpose purpose;
    private List<String> targets = new ArrayList<>();
    private Instant deadline;
    private boolean waiverSigned;
    private Set<Material> materials = EnumSet.noneOf(Material.class);
    private String message;
    /** Absent on letters stored before kinds existed: read as STANDARD. */
    private LetterKind kind;
    private LetterStatus status;
    /** When the student asked; absent while the letter is only planned. */
    private Instant requestedAt;
    private Instant createdAt;
    private Instant updatedAt;
    /** 1 once created, +1 per change: the {@code sequence} of the event that change published. */
    @Version
    private long version;

    LetterRequest() {
        // for the mapping
    }

    private LetterRequest(String id, String tenant, String studentId) {
        super(id, tenant, studentId);
    }

    /** A new letter, PLANNED or REQUESTED as the draft says, announced by LetterRequested. */
    public static LetterRequest create(String id, String tenant, String studentId, LetterDraft draft,
                                       ShortNotice shortNotice, Instant now) {
        Deadline.requireFuture(draft.deadline(), now);
        LetterRequest letter = new LetterRequest(id, tenant, studentId);
        letter.mentorId = draft.mentorId();
        letter.purpose = draft.purpose();
        letter.targets = new ArrayList<>(draft.targets());
        letter.deadline = draft.deadline();
        letter.waiverSigned = draft.waiverSigned();
        letter.materials = copy(draft.materials());
        letter.message = draft.message();
        letter.kind = draft.kind();
        letter.status = draft.planned() ? LetterStatus.PLANNED : LetterStatus.REQUESTED;
        letter.requestedAt = draft.planned() ? null : now;
        letter.createdAt = now;
        letter.updatedAt = now;
        letter.registerEvent(letter.asRequested(shortNotice, now));
        return letter;
    }

    /** The LetterRequested that announces this letter as it now stands: planned, or asked at {@code requestedAt}. */
    private LetterRequested asRequested(ShortNotice shortNotice, Instant now) {
        return new LetterRequested(getId(), mentorId, purpose, targets, deadline, waiverSigned, materials,
                status == LetterStatus.PLANNED, isShortNotice(shortNotice, now), requestedAt);
    }

    /**
     * Moves the letter along its lifecycle and returns the event of the move; asking for a planned letter
     * announces it again as requested. Throws {@link IllegalMoveException} and changes nothing otherwise.
     */
    public LetterEvent moveTo(LetterStatus target, ShortNotice shortNotice, Instant now) {
        LetterLifecycle.requireMove(status, target);
        status = target;
        updatedAt = now;
        LetterEvent event = switch (target) {
            case REQUESTED -> {
                requestedAt = now;
                yield asRequested(shortNotice, now);
            }
            case ACCEPTED -> new LetterAccepted(getId(), mentorId);
            case DECLINED -> new LetterDeclined(getId(), mentorId);
            case SUBMITTED -> new LetterSubmitted(getId(), mentorId);
            case CANCELLED -> new LetterCancelled(getId(), mentorId);
            case PLANNED -> throw new IllegalStateException("The lifecycle has no move back to PLANNED");
        };
        registerEvent(event);
        return event;
    }

    /** Moves the deadline; empty when it is the deadline the letter already has (nothing changes then). */
    public Optional<LetterDeadlineChanged> moveDeadline(Instant newDeadline, Instant now) {
        requireOpen();
        Deadline.requireFuture(newDeadline, now);
        if (newDeadline.equals(deadline)) {
            return Optional.empty();
        }
        Instant previous = deadline;
        deadline = newDeadline;
        updatedAt = now;
        LetterDeadlineChanged changed = new LetterDeadlineChanged(getId(), mentorId, previous, newDeadline);
        registerEvent(changed);
        return Optional.of(changed);
    }

    /** Replaces the materials the writer has; empty when the set is unchanged (nothing changes then). */
    public Optional<LetterMaterialsShared> shareMaterials(Set<Material> newMaterials, Instant now) {
        requireOpen();
        Set<Material> next = copy(newMaterials);
        if (next.equals(getMaterials())) {
            return Optional.empty();
        }
        materials = next;
        updatedAt = now;
        LetterMaterialsShared shared = new LetterMaterialsShared(getId(), mentorId, next);
        registerEvent(shared);
        return Optional.of(shared);
    }

    /**
     * Short notice is measured from when the writer was asked; a planned letter is measured from {@code now},
     * as if asked today, so the student sees it coming.
     */
    public boolean isShortNotice(ShortNotice shortNotice, Instant now) {
        return shortNotice.applies(requestedAt != null ? requestedAt : now, deadline);
    }

    /** Whole days left until the deadline, rounded down; negative once it has passed. */
    public long daysUntilDeadline(Instant now) {
        return Deadlines.daysLeft(now, deadline);
    }

    private void requireOpen() {
        if (status.isFinal()) {
            throw new LetterClosedException(status);
        }
    }

    private static Set<Material> copy(Set<Material> materials) {
        return materials == null || materials.isEmpty() ? EnumSet.noneOf(Material.class) : EnumSet.copyOf(materials);
    }




    public String getMentorId() {
        return mentorId;
    }

    public LetterPurpose getPurpose() {
        return purpose;
    }

    public List<String> getTargets() {
        return List.copyOf(targets);
    }

    public Instant getDeadline() {
        return deadline;
    }

    public boolean isWaiverSigned() {
        return waiverSigned;
    }

    /** In the order Material declares them. */
    public Set<Material> getMaterials() {
        return copy(materials);
    }

    public String getMessage() {
        return message;
    }

    public LetterKind getKind() {
        return kind == null ? LetterKind.STANDARD : kind;
    }

    public LetterStatus getStatus() {
        return status;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
