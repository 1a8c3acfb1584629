package dev.vouch.reminder.advisor;

import dev.vouch.kit.security.AccessScopeArgumentResolver;
import dev.vouch.kit.security.Role;
import dev.vouch.kit.security.VouchPrincipal;
import dev.vouch.reminder.projection.Letter;
import dev.vouch.reminder.store.ProjectionStore;
import dev.vouch.reminder.rules.ReminderRules;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

@RestController
@RequestMapping("/api/v1/advisor")
@Tag(name = "Advisor", description = "Students of the advisor's institution who need attention")
class AtRiskController {

    private final ProjectionStore projections;
    private final ReminderRules rules;
    private final Clock clock;

    AtRiskController(ProjectionStore projections, ReminderRules rules, Clock clock) {
        this.projections = projections;
        this.rules = rules;
        this.clock = clock;
    }

    @GetMapping("/at-risk")
    @Operation(summary = "Letters due within 7 days and not submitted, overdue letters, quiet mentors with open "
            + "letters, and targets due within 30 days whose letters have gaps, per student of the caller's "
            + "institution (ADVISOR only)",
            description = "Accept: text/csv gives one row per item (kind, student, letter or target, days left).")
    AtRiskReport.Report atRisk() {
        VouchPrincipal caller = AccessScopeArgumentResolver.currentPrincipal();
        if (!caller.has(Role.ADVISOR)) {
            throw new AccessDeniedException("Only advisors see the students at risk");
        }
        List<Letter> open = projections.openLettersOf(caller.tenant());
        Set<String> mentorIds = new LinkedHashSet<>();
        open.forEach(letter -> {
            if (letter.mentorId() != null) {
                mentorIds.add(letter.mentorId());
            }
        });
        return AtRiskReport.of(caller.tenant(), open, projections.mentors(mentorIds),
                projections.targetsWithGapsOf(caller.tenant()), rules.policy(), clock.instant());
    }
}
