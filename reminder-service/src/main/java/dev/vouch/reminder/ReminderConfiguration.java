package dev.vouch.reminder;

import dev.vouch.reminder.derivation.Judgement;
import dev.vouch.reminder.rules.ReminderRules;
import dev.vouch.reminder.schedule.CatchUpGate;
import dev.vouch.reminder.schedule.DueReminderScheduler;
import dev.vouch.reminder.schedule.SchedulerTick;
import dev.vouch.reminder.store.MongoDerivationStore;
import dev.vouch.reminder.store.ProjectionStore;
import dev.vouch.reminder.store.ReminderMetrics;
import dev.vouch.reminder.store.ReminderSchedule;
import dev.vouch.reminder.store.ReminderStore;
import dev.vouch.reminder.stream.StreamDerivation;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * Wires the plain-Java rules and derivation to their settings and stores. The stream consumer and the
 * scheduler judge with the same {@link Judgement}; only what they read through differs: the consumer keeps
 * the projections it alone writes in memory, the scheduler reads MongoDB, since any instance may fire any
 * student's reminders.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReminderProperties.class)
class ReminderConfiguration implements SchedulingConfigurer {

    private final ObjectProvider<ReminderMetrics> metrics;
    private final ObjectProvider<CatchUpGate> gate;
    private final ReminderProperties properties;

    ReminderConfiguration(ObjectProvider<ReminderMetrics> metrics, ObjectProvider<CatchUpGate> gate,
                          ReminderProperties properties) {
        this.metrics = metrics;
        this.gate = gate;
        this.properties = properties;
    }

    /**
     * The open-reminders gauge is recounted on its own schedule, not per scrape, and only once the service has
     * caught up: until then (after a start, and through a rebuild) the stored reminders are incomplete, and each
     * count would read a growing collection for a figure that is wrong. Meanwhile the gauge keeps its last count
     * (0 after a start).
     */
    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(
                whenCaughtUp(() -> gate.getObject().isOpen(), () -> metrics.getObject().refreshOpen()),
                properties.metrics().openRefresh(), Duration.ofSeconds(5)));
    }

    /** The task, run only when the service has caught up. */
    static Runnable whenCaughtUp(BooleanSupplier caughtUp, Runnable task) {
        return () -> {
            if (caughtUp.getAsBoolean()) {
                task.run();
            }
        };
    }

    @Bean
    ReminderRules reminderRules(ReminderProperties properties) {
        return new ReminderRules(properties.policy());
    }

    @Bean
    MongoDerivationStore streamStore(ProjectionStore projections, ReminderStore reminders, ReminderSchedule schedule,
                                     ReminderProperties properties) {
        return new MongoDerivationStore(projections, reminders, schedule, properties.projectionCacheSize());
    }

    @Bean
    StreamDerivation streamDerivation(ReminderRules rules, MongoDerivationStore streamStore) {
        // Where the scheduler is switched off (tests fire by hand), the stream leaves firing to them too.
        return new StreamDerivation(new Judgement(rules, streamStore), streamStore, properties.scheduler().enabled());
    }

    @Bean
    DueReminderScheduler dueReminderScheduler(ReminderRules rules, ProjectionStore projections, ReminderStore reminders,
                                              ReminderSchedule schedule, CatchUpGate gate, ReminderMetrics metrics,
                                              Clock clock, ReminderProperties properties) {
        ReminderProperties.Scheduler settings = properties.scheduler();
        String owner = settings.owner() != null && !settings.owner().isBlank() ? settings.owner()
                : "scheduler-" + UUID.randomUUID();
        Judgement judgement = new Judgement(rules, new MongoDerivationStore(projections, reminders, schedule, 0));
        return new DueReminderScheduler(schedule, judgement, gate::isOpen, metrics, clock, owner,
                settings.batchSize(), settings.lease());
    }

    /** Tests switch the tick off and call the scheduler themselves. */
    @Bean
    @ConditionalOnProperty(name = "vouch.reminders.scheduler.enabled", havingValue = "true", matchIfMissing = true)
    SchedulerTick schedulerTick(DueReminderScheduler scheduler, ReminderMetrics metrics) {
        return new SchedulerTick(scheduler, metrics, properties.scheduler().interval());
    }
}
