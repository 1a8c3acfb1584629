package dev.vouch.request.coverage;

import dev.vouch.events.ApplicationSystem;
import dev.vouch.events.CoverageGap;
import dev.vouch.events.LetterKind;
import dev.vouch.events.TargetCoverageChanged;
import dev.vouch.kit.outbox.AggregateRoot;
import dev.vouch.kit.outbox.ListedByStudent;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A programme or school a student's letters go to, as the student describes it: its application system, its own
 * deadline, kinds of letter it asks for beyond its system's rule. Letters name targets by text; a target is the
 * one whose {@link Coverage#key key} matches. It also keeps the coverage it last announced, so it publishes
 * {@code TargetCoverageChanged} only when the gaps (or the deadline they count against) change.
 */
@Document(Target.COLLECTION)
public class Target extends AggregateRoot implements ListedByStudent {

    public static final String COLLECTION = "targets";

    private String name;
    private ApplicationSystem system;
    private Instant deadline;
    private Set<LetterKind> requiredKinds;
    private Instant effectiveDeadline;
    private List<CoverageGap> gaps;
    private Instant updatedAt;
    @Version
    private Long version;

    Target() {
        // for the mapping
    }

    private Target(String tenant, String studentId, String name) {
        super(idOf(tenant, studentId, name), tenant, studentId);
    }

    /** Deterministic per student and target key, so a target is found by {@code _id} and never made twice. */
    public static String idOf(String tenant, String studentId, String targetName) {
        String key = tenant + "\n" + studentId + "\n" + Coverage.key(targetName);
        return "t-" + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
    }

    static Target describe(String tenant, String studentId, String name, ApplicationSystem system, Instant deadline,
                           Set<LetterKind> requiredKinds, Instant now) {
        Target target = new Target(tenant, studentId, name);
        target.gaps = List.of();
        target.redescribe(name, system, deadline, requiredKinds, now);
        return target;
    }

    void redescribe(String name, ApplicationSystem system, Instant deadline, Set<LetterKind> requiredKinds,
                    Instant now) {
        this.name = name.strip();
        this.system = system == null ? ApplicationSystem.OTHER : system;
        this.deadline = deadline;
        this.requiredKinds = requiredKinds == null || requiredKinds.isEmpty() ? Set.of() : EnumSet.copyOf(requiredKinds);
        this.updatedAt = now;
    }

    /**
     * Takes the coverage computed now; announces it if it differs from what was last announced (or always, when
     * the student just redescribed the target).
     */
    boolean cover(Coverage.Result coverage, boolean redescribed, Instant now) {
        boolean unannounced = version == null || version == 0;
        if (!unannounced && !redescribed && Objects.equals(gaps, coverage.gaps())
                && Objects.equals(effectiveDeadline, coverage.deadline())) {
            return false;
        }
        gaps = new ArrayList<>(coverage.gaps());
        effectiveDeadline = coverage.deadline();
        updatedAt = now;
        registerEvent(new TargetCoverageChanged(getId(), name, system, effectiveDeadline, gaps));
        return true;
    }

    public String getName() {
        return name;
    }

    public ApplicationSystem getSystem() {
        return system;
    }

    public Instant getDeadline() {
        return deadline;
    }

    public Set<LetterKind> getRequiredKinds() {
        return requiredKinds == null ? Set.of() : Set.copyOf(requiredKinds);
    }

    public List<CoverageGap> getGaps() {
        return gaps == null ? List.of() : List.copyOf(gaps);
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version == null ? 0 : version;
    }
}
