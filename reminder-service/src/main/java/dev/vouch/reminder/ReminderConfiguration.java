package dev.vouch.reminder;

import dev.vouch.kit.outbox.EventFactory;
import dev.vouch.reminder.derivation.Derivation;
import dev.vouch.reminder.derivation.MongoDerivationStore;
import dev.vouch.reminder.projection.ProjectionStore;
import dev.vouch.reminder.reminder.ReminderStore;
import dev.vouch.reminder.reminder.ReminderMetrics;
import dev.vouch.reminder.rules.ReminderRules;
import dev.vouch.reminder.scheduler.CatchUpGate;
import dev.vouch.reminder.scheduler.DueReminderScheduler;
import dev.vouch.reminder.scheduler.ReminderSchedule;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.UUID;

/** Wires the plain-Java rules and derivation to their settings and stores. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReminderProperties.class)
class ReminderConfiguration {

    @Bean
    ReminderRules reminderRules(ReminderProperties properties) {
        return new ReminderRules(properties.policy());
    }

    /** The stream consumer's store: caches the projections it alone writes. */
    @Bean
    MongoDerivationStore streamStore(ProjectionStore projections, ReminderStore reminders, ReminderSchedule schedule,
                                     ReminderProperties properties) {
        return new MongoDerivationStore(projections, reminders, schedule, properties.projectionCacheSize());
    }

    /** Derivation of the event stream. */
    @Bean
    Derivation derivation(ReminderRules rules, EventFactory events, MongoDerivationStore streamStore) {
        return new Derivation(rules, events, streamStore);
    }

    /** The scheduler's derivation: reads MongoDB, since any instance may fire any student's reminders. */
    @Bean
    Derivation firingDerivation(ReminderRules rules, EventFactory events, ProjectionStore projections,
                                ReminderStore reminders, ReminderSchedule schedule) {
        return new Derivation(rules, events, new MongoDerivationStore(projections, reminders, schedule, 0));
    }

    @Bean
    DueReminderScheduler dueReminderScheduler(ReminderSchedule schedule, Derivation firingDerivation, CatchUpGate gate,
                                              ReminderMetrics metrics, Clock clock, ReminderProperties properties) {
        ReminderProperties.Scheduler settings = properties.scheduler();
        String owner = settings.owner() != null && !settings.owner().isBlank() ? settings.owner()
                : "scheduler-" + UUID.randomUUID();
        return new DueReminderScheduler(schedule, firingDerivation, gate::isOpen, metrics, clock, owner,
                settings.batchSize(), settings.lease());
    }
}
