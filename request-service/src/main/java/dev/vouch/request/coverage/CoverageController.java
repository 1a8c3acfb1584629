package dev.vouch.request.coverage;

import dev.vouch.events.ApplicationSystem;
import dev.vouch.kit.security.AccessScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.Map;

@RestController
@Tag(name = "Coverage", description = "Whether each programme a student applies to will get the letters it needs")
class CoverageController {

    private final TargetCoverage coverage;
    private final Clock clock;

    CoverageController(TargetCoverage coverage, Clock clock) {
        this.coverage = coverage;
        this.clock = clock;
    }

    @PostMapping("/api/v1/targets")
    @Operation(summary = "Describe a target: its application system, its own deadline, kinds it requires",
            description = "Targets are the programmes or schools letters name (matched ignoring case and spacing). "
                    + "Describing one again replaces its description. Publishes TargetCoverageChanged with its gaps.")
    TargetView describe(AccessScope scope, @Valid @RequestBody NewTarget body) {
        Target target = coverage.describe(scope, body.name(), body.system(), body.deadline(), body.requiredKinds());
        return coverage.coverage(scope).stream().filter(view -> target.getId().equals(view.targetId()))
                .findFirst().orElseThrow();
    }

    @GetMapping("/api/v1/coverage")
    @Operation(summary = "Letter coverage per target",
            description = "Per target: the letters assigned, their statuses, and the gaps (too few on track, over the "
                    + "cap, a required kind missing, a writer who declined). Students read their own; advisors pass "
                    + "studentId. Accept: text/csv gives one row per target.")
    CoverageView coverage(AccessScope scope) {
        return new CoverageView(scope.studentId(), clock.instant(), coverage.coverage(scope));
    }

    @GetMapping("/api/v1/coverage/rules")
    @Operation(summary = "The letter rules of each application system",
            description = "Minimum on track, cap per target, required kinds, whether a committee letter covers the "
                    + "minimum: the configuration under vouch.coverage.systems (defaults and sources in the docs).")
    Map<ApplicationSystem, CoverageRule> rules() {
        return coverage.rules();
    }
}
