package dev.vouch.reminder;

import dev.vouch.events.Material;
import dev.vouch.reminder.rules.ReminderPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** {@code vouch.reminders.*}: the rule thresholds, the scheduler and the metrics. */
@ConfigurationProperties("vouch.reminders")
public class ReminderProperties {

    private final AskEarly askEarly = new AskEarly();
    private final NoResponse noResponse = new NoResponse();
    private final MissingMaterials missingMaterials = new MissingMaterials();
    private final DeadlineApproaching deadlineApproaching = new DeadlineApproaching();
    private final ThankYou thankYou = new ThankYou();
    private final StayInTouch stayInTouch = new StayInTouch();
    private final AtRisk atRisk = new AtRisk();
    private final Scheduler scheduler = new Scheduler();
    private final Metrics metrics = new Metrics();
    /** Letters and mentors (each) the stream consumer keeps in memory between batches; 0 switches the cache off. */
    private int projectionCacheSize = 100_000;

    public ReminderPolicy policy() {
        return new ReminderPolicy(askEarly.minNotice, askEarly.planLead, noResponse.after, missingMaterials.after,
                missingMaterials.required, deadlineApproaching.thresholds, thankYou.after,
                stayInTouch.defaultCadenceDays, atRisk.window);
    }

    public AskEarly getAskEarly() {
        return askEarly;
    }

    public NoResponse getNoResponse() {
        return noResponse;
    }

    public MissingMaterials getMissingMaterials() {
        return missingMaterials;
    }

    public DeadlineApproaching getDeadlineApproaching() {
        return deadlineApproaching;
    }

    public ThankYou getThankYou() {
        return thankYou;
    }

    public StayInTouch getStayInTouch() {
        return stayInTouch;
    }

    public AtRisk getAtRisk() {
        return atRisk;
    }

    public Scheduler getScheduler() {
        return scheduler;
    }

    public Metrics getMetrics() {
        return metrics;
    }

    public int getProjectionCacheSize() {
        return projectionCacheSize;
    }

    public void setProjectionCacheSize(int projectionCacheSize) {
        this.projectionCacheSize = projectionCacheSize;
    }

    public static class Metrics {
        /** How often the open-reminders gauge is recounted (one aggregation over the reminders). */
        private Duration openRefresh = Duration.ofMinutes(1);

        public Duration getOpenRefresh() {
            return openRefresh;
        }

        public void setOpenRefresh(Duration openRefresh) {
            this.openRefresh = openRefresh;
        }
    }

    public static class AskEarly {
        /** A letter asked for with less notice than this is flagged at once. */
        private Duration minNotice = Duration.ofDays(30);
        /** A planned letter not asked for this long before its deadline is flagged. */
        private Duration planLead = Duration.ofDays(42);

        public Duration getMinNotice() {
            return minNotice;
        }

        public void setMinNotice(Duration minNotice) {
            this.minNotice = minNotice;
        }

        public Duration getPlanLead() {
            return planLead;
        }

        public void setPlanLead(Duration planLead) {
            this.planLead = planLead;
        }
    }

    public static class NoResponse {
        /** How long after the request without accept or decline before NO_RESPONSE. */
        private Duration after = Duration.ofDays(14);

        public Duration getAfter() {
            return after;
        }

        public void setAfter(Duration after) {
            this.after = after;
        }
    }

    public static class MissingMaterials {
        /** How long after a request without the required materials before MISSING_MATERIALS. */
        private Duration after = Duration.ofDays(2);
        /** What the writer must have. */
        private Set<Material> required = EnumSet.of(Material.PERSONAL_STATEMENT, Material.CV);

        public Duration getAfter() {
            return after;
        }

        public void setAfter(Duration after) {
            this.after = after;
        }

        public Set<Material> getRequired() {
            return required;
        }

        public void setRequired(Set<Material> required) {
            this.required = required;
        }
    }

    public static class DeadlineApproaching {
        /** Days before the deadline at which DEADLINE_APPROACHING fires. */
        private List<Integer> thresholds = new ArrayList<>(List.of(14, 7, 3, 1));

        public List<Integer> getThresholds() {
            return thresholds;
        }

        public void setThresholds(List<Integer> thresholds) {
            this.thresholds = thresholds;
        }
    }

    public static class ThankYou {
        /** How long after submission without a THANK_YOU contact before THANK_YOU. */
        private Duration after = Duration.ofDays(3);

        public Duration getAfter() {
            return after;
        }

        public void setAfter(Duration after) {
            this.after = after;
        }
    }

    public static class StayInTouch {
        /** Cadence for mentors without their own (stayInTouchDays of 0). */
        private int defaultCadenceDays = 90;

        public int getDefaultCadenceDays() {
            return defaultCadenceDays;
        }

        public void setDefaultCadenceDays(int defaultCadenceDays) {
            this.defaultCadenceDays = defaultCadenceDays;
        }
    }

    public static class AtRisk {
        /** Letters due within this window and not submitted count as at risk in the advisor view. */
        private Duration window = Duration.ofDays(7);

        public Duration getWindow() {
            return window;
        }

        public void setWindow(Duration window) {
            this.window = window;
        }
    }

    public static class Scheduler {
        /** Whether the scheduler runs on its own (tests switch it off and call it). */
        private boolean enabled = true;
        /** Delay between two ticks. */
        private Duration interval = Duration.ofSeconds(15);
        /** Subjects claimed per round of a tick. */
        private int batchSize = 200;
        /** How long a claim holds before another instance may take the subject over. */
        private Duration lease = Duration.ofMinutes(1);
        /** This instance's name on its claims; a random one by default. */
        private String owner;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Duration getInterval() {
            return interval;
        }

        public void setInterval(Duration interval) {
            this.interval = interval;
        }

        public int getBatchSize() {
            return batchSize;
        }

        public void setBatchSize(int batchSize) {
            this.batchSize = batchSize;
        }

        public Duration getLease() {
            return lease;
        }

        public void setLease(Duration lease) {
            this.lease = lease;
        }

        public String getOwner() {
            return owner;
        }

        public void setOwner(String owner) {
            this.owner = owner;
        }
    }
}
