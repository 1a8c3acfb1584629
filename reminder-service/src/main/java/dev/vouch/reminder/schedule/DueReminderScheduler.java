package dev.vouch.reminder.schedule;

import dev.vouch.events.ReminderKind;
import dev.vouch.reminder.derivation.Judgement;
import dev.vouch.reminder.store.ReminderMetrics;
import dev.vouch.reminder.store.ReminderSchedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Fires due reminders: claims due subjects from the {@link ReminderSchedule} with a lease, fires what is due
 * for each (ReminderDue, and DeadlineApproaching for the deadline kind, through the outbox), publishes owed
 * resolutions, and schedules each subject again. Several instances may run against one store: a subject is
 * claimed by one of them at a time, and each reminder's firing is a compare-and-set on its version, so each
 * reminder fires exactly once per cycle.
 */
public class DueReminderScheduler {

    private static final Logger log = LoggerFactory.getLogger(DueReminderScheduler.class);

    private final ReminderSchedule schedule;
    private final Judgement judgement;
    private final BooleanSupplier caughtUp;
    private final ReminderMetrics metrics;
    private final Clock clock;
    private final String owner;
    private final int batchSize;
    private final Duration lease;

    public DueReminderScheduler(ReminderSchedule schedule, Judgement judgement, BooleanSupplier caughtUp,
                                ReminderMetrics metrics, Clock clock, String owner, int batchSize, Duration lease) {
        this.schedule = schedule;
        this.judgement = judgement;
        this.caughtUp = caughtUp;
        this.metrics = metrics;
        this.clock = clock;
        this.owner = owner;
        this.batchSize = batchSize;
        this.lease = lease;
    }

    /**
     * One tick: works through every subject due by now, a batch of claims at a time.
     *
     * @return how many reminders fired
     */
    public int fireDue() {
        if (!caughtUp.getAsBoolean()) {
            log.debug("Not caught up with the topics yet; nothing fires");
            return 0;
        }
        Instant now = clock.instant();
        int fired = 0;
        // A subject is worked on once per tick: one still due afterwards (it should not be) waits for the next tick
        // rather than spinning this one.
        Set<String> handled = new HashSet<>();
        int roundsWithoutWork = 0;
        while (true) {
            ReminderSchedule.ClaimBatch batch = schedule.claimBatch(now, batchSize, owner, lease);
            Map<String, ReminderSchedule.Claim> bySubject = new HashMap<>();
            Map<ReminderSchedule.Claim, Instant> again = new HashMap<>();
            for (ReminderSchedule.Claim claim : batch.claims()) {
                if (handled.add(claim.subject())) {
                    bySubject.put(claim.subject(), claim);
                } else {
                    again.put(claim, claim.fireAt());
                }
            }
            schedule.release(again);
            if (bySubject.isEmpty()) {
                // Another instance won this round's candidates: look again while full batches are still seen.
                if (!batch.more() || ++roundsWithoutWork > 3) {
                    return fired;
                }
                continue;
            }
            roundsWithoutWork = 0;
            Judgement.Outcome outcome = judgement.fire(bySubject.keySet(), now);
            for (ReminderKind kind : outcome.fired()) {
                metrics.fired(kind);
            }
            fired += outcome.fired().size();
            schedule.release(nextTimes(bySubject, outcome));
            if (!batch.more()) {
                return fired;
            }
        }
    }

    /** Each claim with its subject's next fire time after judging (null: nothing pending). */
    private static Map<ReminderSchedule.Claim, Instant> nextTimes(Map<String, ReminderSchedule.Claim> bySubject,
                                                                 Judgement.Outcome outcome) {
        Map<ReminderSchedule.Claim, Instant> next = new HashMap<>();
        bySubject.forEach((subject, claim) -> next.put(claim, outcome.schedule().get(subject)));
        return next;
    }
}
