package dev.vouch.reminder;

import dev.vouch.events.Material;
import dev.vouch.reminder.rules.ReminderPolicy;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * {@code vouch.reminders.*}: the rule thresholds, the scheduler and the metrics. Each default is written here
 * once; docs/reminder-service.md lists them. Short notice is not among them: request-service decides it and
 * publishes it on {@code LetterRequested}.
 *
 * @param projectionCacheSize letters and mentors (each) the stream consumer keeps in memory between batches;
 *                            0 switches the cache off
 * @param streamConsumers     consumer threads of the event stream in one instance (each takes the same
 *                            partitions of all three topics)
 */
@ConfigurationProperties("vouch.reminders")
@Validated
public record ReminderProperties(
        @DefaultValue AskEarly askEarly,
        @DefaultValue NoResponse noResponse,
        @DefaultValue MissingMaterials missingMaterials,
        @DefaultValue DeadlineApproaching deadlineApproaching,
        @DefaultValue ThankYou thankYou,
        @DefaultValue StayInTouch stayInTouch,
        @DefaultValue AtRisk atRisk,
        @DefaultValue CoverageGap coverageGap,
        @DefaultValue Scheduler scheduler,
        @DefaultValue Metrics metrics,
        @DefaultValue("100000") int projectionCacheSize,
        @DefaultValue("3") @Positive int streamConsumers) {

    /** The thresholds as the plain-Java rules take them. */
    public ReminderPolicy policy() {
        return new ReminderPolicy(askEarly.planLead(), noResponse.after(), missingMaterials.after(),
                missingMaterials.required(), deadlineApproaching.thresholds(), thankYou.after(),
                stayInTouch.defaultCadenceDays(), atRisk.window(), coverageGap.window());
    }

    /** @param planLead a planned letter not asked for this long before its deadline is flagged (6 weeks) */
    public record AskEarly(@DefaultValue("42d") Duration planLead) {
    }

    /** @param after how long after the request without accept or decline before NO_RESPONSE */
    public record NoResponse(@DefaultValue("14d") Duration after) {
    }

    /**
     * @param after    how long after a request without the required materials before MISSING_MATERIALS
     * @param required what the writer must have
     */
    public record MissingMaterials(@DefaultValue("2d") Duration after,
                                   @DefaultValue({"PERSONAL_STATEMENT", "CV"}) Set<Material> required) {
    }

    /** @param thresholds days before the deadline at which DEADLINE_APPROACHING fires */
    public record DeadlineApproaching(@DefaultValue({"14", "7", "3", "1"}) List<Integer> thresholds) {
    }

    /** @param after how long after submission without a THANK_YOU contact before THANK_YOU */
    public record ThankYou(@DefaultValue("3d") Duration after) {
    }

    /** @param defaultCadenceDays cadence for mentors without their own (stayInTouchDays of 0) */
    public record StayInTouch(@DefaultValue("90") int defaultCadenceDays) {
    }

    /** @param window letters due within this window and not submitted count as at risk in the advisor view */
    public record AtRisk(@DefaultValue("7d") Duration window) {
    }

    /** @param window a target with a coverage gap gets COVERAGE_GAP once its deadline is this close */
    public record CoverageGap(@DefaultValue("30d") Duration window) {
    }

    /**
     * @param enabled   whether the scheduler runs on its own (tests switch it off and call it)
     * @param interval  delay between two ticks
     * @param batchSize subjects claimed per round of a tick
     * @param lease     how long a claim holds before another instance may take the subject over
     * @param owner     this instance's name on its claims; a random one when absent
     */
    public record Scheduler(@DefaultValue("true") boolean enabled, @DefaultValue("15s") Duration interval,
                            @DefaultValue("200") int batchSize, @DefaultValue("1m") Duration lease, String owner) {
    }

    /** @param openRefresh how often the open-reminders gauge is recounted once caught up (one read of the open reminders' kinds) */
    public record Metrics(@DefaultValue("1m") Duration openRefresh) {
    }
}
