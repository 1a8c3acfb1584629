package dev.vouch.request.coverage;

import dev.vouch.events.ApplicationSystem;
import dev.vouch.events.LetterKind;
import dev.vouch.kit.outbox.ConflictRetry;
import dev.vouch.kit.outbox.EventOutbox;
import dev.vouch.kit.outbox.StudentIndex;
import dev.vouch.kit.security.AccessScope;
import dev.vouch.kit.web.ConflictException;
import dev.vouch.request.letter.LetterDraft;
import dev.vouch.request.letter.LetterRequest;
import dev.vouch.request.letter.TargetAssignments;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Targets and their coverage: the student describes a target; every stored letter change recomputes the
 * coverage of the targets it names and announces what changed; a new letter that a target's system would drop
 * (already at its cap) answers 409 unless the student confirms it.
 *
 * <p>A letter change and its targets' announcements are separate single-document writes: if the process dies
 * between them, the next change of one of the target's letters (or of the target) announces the current state,
 * which the event always carries whole.
 */
@Service
public class TargetCoverage implements TargetAssignments {

    static final int ATTEMPTS = 5;

    private final MongoTemplate mongo;
    private final StudentIndex students;
    private final EventOutbox outbox;
    private final Map<ApplicationSystem, CoverageRule> rules;
    private final Clock clock;

    TargetCoverage(MongoTemplate mongo, StudentIndex students, EventOutbox outbox, CoverageProperties properties, Clock clock) {
        this.mongo = mongo;
        this.students = students;
        this.outbox = outbox;
        this.rules = properties.rules();
        this.clock = clock;
    }

    public CoverageRule ruleOf(Target target) {
        return target == null ? CoverageRule.NONE : rules.get(target.getSystem()).requiring(target.getRequiredKinds());
    }

    public Map<ApplicationSystem, CoverageRule> rules() {
        return rules;
    }

    /** Describes (or redescribes) a target and announces its coverage. */
    public Target describe(AccessScope scope, String name, ApplicationSystem system, Instant deadline,
                           Set<LetterKind> requiredKinds) {
        return ConflictRetry.retrying(ATTEMPTS, () -> {
            Instant now = clock.instant();
            String id = Target.idOf(scope.tenant(), scope.studentId(), name);
            Target target = mongo.findById(id, Target.class);
            if (target == null) {
                target = Target.describe(scope.tenant(), scope.studentId(), name, system, deadline, requiredKinds, now);
            } else {
                target.redescribe(name, system, deadline, requiredKinds, now);
            }
            target.cover(coverageOf(target, lettersOf(scope.tenant(), scope.studentId())), true, now);
            return outbox.save(target);
        });
    }

    @Override
    public void requireRoom(AccessScope scope, LetterDraft draft) {
        if (draft.overrideCap() || draft.targets().isEmpty()) {
            return;
        }
        Supplier<List<LetterRequest>> letters = lettersOnce(scope.tenant(), scope.studentId());
        for (String name : draft.targets()) {
            Target target = mongo.findById(Target.idOf(scope.tenant(), scope.studentId(), name), Target.class);
            if (target == null) {
                continue; // a target the student did not describe has no cap
            }
            CoverageRule rule = ruleOf(target);
            if (Coverage.atCap(rule, assignedTo(name, letters.get()))) {
                throw new ConflictException("coverage-cap", target.getSystem() + " accepts at most "
                        + rule.maxLetters() + " letters per target and " + target.getName() + " has them already; "
                        + "send overrideCap: true to assign this one anyway (the system itself would drop it)")
                        .with("target", target.getName())
                        .with("system", target.getSystem())
                        .with("cap", rule.maxLetters());
            }
        }
    }

    @Override
    public void changed(LetterRequest letter) {
        if (letter.getTargets().isEmpty()) {
            return;
        }
        Supplier<List<LetterRequest>> letters = lettersOnce(letter.getTenant(), letter.getStudentId());
        for (String name : letter.getTargets()) {
            String id = Target.idOf(letter.getTenant(), letter.getStudentId(), name);
            ConflictRetry.retrying(ATTEMPTS, () -> {
                // Only targets the student described have a coverage to follow.
                Target target = mongo.findById(id, Target.class);
                if (target != null && target.cover(coverageOf(target, letters.get()), false, clock.instant())) {
                    outbox.save(target);
                }
                return target;
            });
        }
    }

    /** The student's coverage: every target they described, and every target their letters name. */
    public List<TargetView> coverage(AccessScope scope) {
        List<LetterRequest> letters = lettersOf(scope.tenant(), scope.studentId());
        Map<String, String> names = new LinkedHashMap<>();
        for (Target target : students.find(Target.class, scope)) {
            names.putIfAbsent(Coverage.key(target.getName()), target.getName());
        }
        letters.forEach(letter -> letter.getTargets().forEach(name -> names.putIfAbsent(Coverage.key(name), name)));
        List<TargetView> views = new ArrayList<>();
        names.values().forEach(name -> {
            Target target = mongo.findById(Target.idOf(scope.tenant(), scope.studentId(), name), Target.class);
            Coverage.Result result = target != null ? coverageOf(target, letters)
                    : Coverage.of(ApplicationSystem.OTHER, CoverageRule.NONE, null, assignedTo(name, letters));
            views.add(TargetView.of(target != null ? target.getName() : name, target, result));
        });
        return views;
    }

    private Coverage.Result coverageOf(Target target, List<LetterRequest> letters) {
        return Coverage.of(target.getSystem(), ruleOf(target), target.getDeadline(),
                assignedTo(target.getName(), letters));
    }

    private static List<Coverage.AssignedLetter> assignedTo(String name, List<LetterRequest> letters) {
        String key = Coverage.key(name);
        return letters.stream()
                .filter(letter -> letter.getTargets().stream().anyMatch(target -> Coverage.key(target).equals(key)))
                .map(letter -> new Coverage.AssignedLetter(letter.getId(), letter.getMentorId(), letter.getKind(),
                        letter.getStatus(), letter.getDeadline()))
                .toList();
    }

    /** A student has tens of letters at most: read them all and match targets here. */
    private List<LetterRequest> lettersOf(String tenant, String studentId) {
        return students.find(LetterRequest.class, tenant, studentId);
    }

    /** The student's letters, read at the first call only: when no named target was described, not at all. */
    private Supplier<List<LetterRequest>> lettersOnce(String tenant, String studentId) {
        return new Supplier<>() {
            private List<LetterRequest> read;

            @Override
            public List<LetterRequest> get() {
                if (read == null) {
                    read = lettersOf(tenant, studentId);
                }
                return read;
            }
        };
    }
}
