package dev.vouch.request.letter;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of letter requests, under {@code vouch.letters}.
 *
 * @param shortNotice less time than this between asking and the deadline is short notice
 * @param mentorWait  how long a request for a mentor the directory does not know yet waits for its MentorAdded
 *                    before answering 422
 * @param mentorPoll  how often such a request reads the directory again while it waits
 */
@ConfigurationProperties("vouch.letters")
public record LetterProperties(
        @DefaultValue("P30D") Duration shortNotice,
        @DefaultValue("PT3S") Duration mentorWait,
        @DefaultValue("PT0.1S") Duration mentorPoll) {
}
