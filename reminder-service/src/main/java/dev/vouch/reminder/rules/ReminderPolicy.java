package dev.vouch.reminder.rules;

import dev.vouch.events.Material;

import java.time.Duration;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The thresholds of the reminder rules. Bound from {@code vouch.reminders.*}, where the defaults follow the
 * design's rule table (see {@code ReminderProperties}).
 *
 * @param askEarlyPlanLead       a planned letter not asked for this long before its deadline flags ASK_EARLY (6 weeks)
 * @param noResponseAfter        NO_RESPONSE when neither accepted nor declined this long after the request (14 days)
 * @param missingMaterialsAfter  MISSING_MATERIALS this long after a request without the required materials (2 days)
 * @param requiredMaterials      what a writer needs before MISSING_MATERIALS clears (personal statement and CV)
 * @param deadlineThresholds     days before the deadline at which DEADLINE_APPROACHING fires (14, 7, 3, 1)
 * @param thankYouAfter          THANK_YOU this long after submission without a THANK_YOU contact (3 days)
 * @param defaultStayInTouchDays stay-in-touch cadence for mentors that do not carry their own (90 days)
 * @param atRiskWindow           the advisor view's "due soon" window (7 days)
 * @param coverageWindow         COVERAGE_GAP for a target with a gap once its deadline is this close (30 days)
 */
public record ReminderPolicy(
        Duration askEarlyPlanLead,
        Duration noResponseAfter,
        Duration missingMaterialsAfter,
        Set<Material> requiredMaterials,
        List<Integer> deadlineThresholds,
        Duration thankYouAfter,
        int defaultStayInTouchDays,
        Duration atRiskWindow,
        Duration coverageWindow) {

    public static final Duration DEFAULT_COVERAGE_WINDOW = Duration.ofDays(30);

    public ReminderPolicy(Duration askEarlyPlanLead, Duration noResponseAfter, Duration missingMaterialsAfter,
                          Set<Material> requiredMaterials, List<Integer> deadlineThresholds, Duration thankYouAfter,
                          int defaultStayInTouchDays, Duration atRiskWindow) {
        this(askEarlyPlanLead, noResponseAfter, missingMaterialsAfter, requiredMaterials, deadlineThresholds,
                thankYouAfter, defaultStayInTouchDays, atRiskWindow, DEFAULT_COVERAGE_WINDOW);
    }

    public ReminderPolicy {
        coverageWindow = coverageWindow == null ? DEFAULT_COVERAGE_WINDOW : coverageWindow;
        Objects.requireNonNull(askEarlyPlanLead, "askEarlyPlanLead");
        Objects.requireNonNull(noResponseAfter, "noResponseAfter");
        Objects.requireNonNull(missingMaterialsAfter, "missingMaterialsAfter");
        Objects.requireNonNull(thankYouAfter, "thankYouAfter");
        Objects.requireNonNull(atRiskWindow, "atRiskWindow");
        requiredMaterials = requiredMaterials == null || requiredMaterials.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(requiredMaterials));
        deadlineThresholds = deadlineThresholds == null ? List.of() : deadlineThresholds.stream()
                .filter(Objects::nonNull).filter(days -> days > 0).distinct()
                .sorted(Comparator.reverseOrder()).toList();
        if (defaultStayInTouchDays <= 0) {
            throw new IllegalArgumentException("defaultStayInTouchDays must be positive");
        }
    }

    /** A mentor's own cadence, or the default when they have none. */
    public Duration stayInTouchCadence(int mentorDays) {
        return Duration.ofDays(mentorDays > 0 ? mentorDays : defaultStayInTouchDays);
    }
}
