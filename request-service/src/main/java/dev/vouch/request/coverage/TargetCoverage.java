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
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
        // The student's letters are read only when a named target is one they described (and so has a cap).
        List<LetterRequest> letters = null;
        for (String name : draft.targets()) {
            Target target = mongo.findById(Target.idOf(scope.tenant(), scope.studentId(), name), Target.class);
            if (target == null) {
                continue;
            }
            if (letters == null) {
                letters = lettersOf(scope.tenant(), scope.studentId());
            }
            CoverageRule rule = ruleOf(target);
            if (Coverage.atCap(rule, assignedTo(name, letters))) {
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
        // Only targets the student described have a coverage to follow; the letters are read once, if any does.
        List<LetterRequest> letters = null;
        for (String name : letter.getTargets()) {
            String id = Target.idOf(letter.getTenant(), letter.getStudentId(), name);
            if (!mongo.exists(Query.query(Criteria.where("_id").is(id)), Target.class)) {
                continue;
            }
            if (letters == null) {
                letters = lettersOf(letter.getTenant(), letter.getStudentId());
            }
            List<LetterRequest> known = letters;
            ConflictRetry.retrying(ATTEMPTS, () -> {
                Target target = mongo.findById(id, Target.class);
                if (target != null && target.cover(coverageOf(target, known), false, clock.instant())) {
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
}
