package dev.vouch.mentor.writer;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Settings of writer load, under {@code vouch.writers}.
 *
 * @param threshold     open letters due within 14 days that make a writer's load HIGH (and publish WriterOverloaded)
 * @param checkInterval how often every institution's writers are checked again, so letters coming due with time
 *                      raise (and letters gone by ease) the load without any event
 * @param touchedCheckDelay how often the writers that batches of letter events touched are checked: the
 *                      batches in between are checked together, once per writer
 */
@ConfigurationProperties("vouch.writers")
@Validated
public record WriterProperties(@DefaultValue("5") int threshold, @DefaultValue("PT1H") Duration checkInterval,
                               @DefaultValue("PT1S") @DurationMin(millis = 1) Duration touchedCheckDelay) {
}
