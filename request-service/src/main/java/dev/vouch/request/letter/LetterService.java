package dev.vouch.request.letter;

import dev.vouch.events.LetterStatus;
import dev.vouch.events.LetterEvent;
import dev.vouch.events.LetterRequested;
import dev.vouch.events.Material;
import dev.vouch.kit.security.AccessScope;
import dev.vouch.kit.web.ConflictException;
import dev.vouch.kit.web.UnprocessableException;
import dev.vouch.kit.web.Versions;
import dev.vouch.request.mentor.KnownMentor;
import dev.vouch.request.mentor.MentorDirectory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What a student does with letter requests: ask (or plan), move along the lifecycle, change the deadline or
 * the materials. Each change is one write of the letter and the event describing it.
 */
@Service
public class LetterService {

    static final String TRANSITIONS = "vouch.letters.transitions";

    private final LetterStore store;
    private final MentorDirectory mentors;
    private final Clock clock;
    private final LetterProperties properties;
    private final ShortNotice shortNotice;
    private final MeterRegistry registry;
    private final TargetAssignments targets;

    LetterService(LetterStore store, MentorDirectory mentors, Clock clock,
                  LetterProperties properties, MeterRegistry registry, TargetAssignments targets) {
        this.store = store;
        this.mentors = mentors;
        this.clock = clock;
        this.properties = properties;
        this.shortNotice = new ShortNotice(properties.shortNotice());
        this.registry = registry;
        this.targets = targets;
    }

    /** Records a new letter, REQUESTED or PLANNED, asked of one of the student's active mentors. */
    public LetterRequest ask(AccessScope scope, LetterDraft draft) {
        Instant now = now();
        LetterRequest letter = LetterRequest.create(UUID.randomUUID().toString(), scope.tenant(), scope.studentId(),
                draft, shortNotice, now);
        requireAskable(scope, draft.mentorId());
        targets.requireRoom(scope, draft);
        store.save(letter);
        targets.changed(letter);
        counted(letter.getStatus());
        return letter;
    }

    public LetterRequest get(AccessScope scope, String id) {
        return scope.require(store.find(id).orElse(null), "Letter", id);
    }

    public LetterStore.Page list(AccessScope scope, LetterFilter filter, int page, int size) {
        return store.list(scope, filter, page, size);
    }

    /** Moves the letter to {@code target}; asking for a planned letter checks its mentor again. */
    public LetterRequest move(AccessScope scope, String id, String ifMatch, LetterStatus target) {
        LetterRequest letter = get(scope, id);
        Versions.requireMatch(ifMatch, letter.getVersion());
        LetterEvent event = letter.moveTo(target, shortNotice, now());
        if (event instanceof LetterRequested) {
            // Asking now: the mentor may have been archived while the letter was only planned. Nothing is saved
            // if this throws, so the letter stays PLANNED.
            requireAskable(scope, letter.getMentorId());
        }
        store.save(letter);
        targets.changed(letter);
        counted(target);
        return letter;
    }

    public LetterRequest moveDeadline(AccessScope scope, String id, String ifMatch, Instant deadline) {
        LetterRequest letter = get(scope, id);
        Versions.requireMatch(ifMatch, letter.getVersion());
        return saved(letter, letter.moveDeadline(deadline, now()));
    }

    public LetterRequest shareMaterials(AccessScope scope, String id, String ifMatch, Set<Material> materials) {
        LetterRequest letter = get(scope, id);
        Versions.requireMatch(ifMatch, letter.getVersion());
        return saved(letter, letter.shareMaterials(materials, now()));
    }

    /** Short notice and days left as of now, for responses. */
    public boolean isShortNotice(LetterRequest letter) {
        return letter.isShortNotice(shortNotice, now());
    }

    public long daysUntilDeadline(LetterRequest letter) {
        return letter.daysUntilDeadline(now());
    }

    /**
     * The mentor must be one of the student's and not archived. A mentor the directory does not know yet may
     * have been created a moment ago with its MentorAdded still on the way, so a miss waits (bounded) for
     * it before answering 422; see docs/request-service.md.
     */
    private void requireAskable(AccessScope scope, String mentorId) {
        KnownMentor mentor = mentors.await(mentorId, properties.mentorWait(), properties.mentorPoll())
                .filter(known -> known.belongsTo(scope.tenant(), scope.studentId()))
                .orElseThrow(() -> new UnprocessableException("mentorId",
                        "No mentor with id " + mentorId + " among your mentors"));
        if (mentor.isArchived()) {
            throw new ConflictException("mentor-archived",
                    "Mentor " + mentorId + " is archived: no new letters may be asked of them")
                    .with("mentorId", mentorId);
        }
    }

    /** An unchanged deadline or set of materials is a no-op: no event, same version. */
    private LetterRequest saved(LetterRequest letter, Optional<? extends LetterEvent> change) {
        change.ifPresent(event -> {
            store.save(letter);
            targets.changed(letter);
        });
        return letter;
    }

    private void counted(LetterStatus status) {
        Counter.builder(TRANSITIONS)
                .description("Letters that entered a status (created PLANNED or REQUESTED, or moved there)")
                .tag("status", status.name())
                .register(registry)
                .increment();
    }

    private Instant now() {
        return clock.instant();
    }
}
