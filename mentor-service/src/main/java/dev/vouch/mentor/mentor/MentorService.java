package dev.vouch.mentor.mentor;

import dev.vouch.events.MentorStatus;
import dev.vouch.kit.security.AccessScope;
import dev.vouch.kit.web.ConflictException;
import dev.vouch.kit.web.Versions;
import dev.vouch.kit.web.ResultPage;
import dev.vouch.kit.outbox.ConflictRetry;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What a student does with their mentors: add, read, find, change and archive them. */
@Service
public class MentorService {

    /** Unconditional changes (archiving) are retried this often when another write got there first. */
    public static final int ATTEMPTS = 3;

    private final MentorRepository mentors;
    private final MentorPatch patches;
    private final Clock clock;

    public MentorService(MentorRepository mentors, MentorPatch patches, Clock clock) {
        this.mentors = mentors;
        this.patches = patches;
        this.clock = clock;
    }

    public Mentor add(AccessScope scope, MentorDetails details) {
        Mentor mentor = Mentor.add(UUID.randomUUID().toString(), scope.tenant(), scope.studentId(), details, now());
        return mentors.save(mentor);
    }

    /** The mentor, if it exists and lies in the caller's scope; 404 otherwise. */
    public Mentor get(AccessScope scope, String id) {
        return scope.require(mentors.findById(id).orElse(null), "Mentor", id);
    }

    public ResultPage<Mentor> search(AccessScope scope, String text, MentorStatus status, int page, int size) {
        return mentors.search(scope, status, text, page, size);
    }

    /**
     * Applies a merge patch to the version the client read ({@code If-Match}). Publishes {@code MentorUpdated}
     * naming the changed fields; a patch that changes nothing stores nothing and publishes nothing.
     */
    public Mentor update(AccessScope scope, String id, String ifMatch, JsonNode patch) {
        Mentor mentor = get(scope, id);
        if (mentor.isArchived()) {
            throw new ConflictException("mentor-archived", "Mentor " + id + " is archived and cannot be changed")
                    .with("currentStatus", mentor.getStatus());
        }
        Versions.requireMatch(ifMatch, mentor.getVersion());
        MentorDetails next = patches.apply(mentor.getDetails(), patch);
        List<String> changed = mentor.update(next, now());
        if (changed.isEmpty()) {
            return mentor;
        }
        // A write between our read and this save fails the version check: 409, the client re-reads.
        return mentors.save(mentor);
    }

    /** Archives the mentor. Idempotent: archiving an archived mentor changes and publishes nothing. */
    public void archive(AccessScope scope, String id) {
        ConflictRetry.retrying(ATTEMPTS, () -> {
            Mentor mentor = get(scope, id);
            if (mentor.archive(now())) {
                mentors.save(mentor);
            }
            return mentor;
        });
    }

    private Instant now() {
        return clock.instant();
    }
}
