package dev.vouch.kit.outbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/** Runs the relay's sweep on a fixed delay ({@code vouch.outbox.sweep-interval}). */
public class OutboxSweeper {

    private static final Logger log = LoggerFactory.getLogger(OutboxSweeper.class);

    private final OutboxRelay relay;

    public OutboxSweeper(OutboxRelay relay) {
        this.relay = relay;
    }

    @Scheduled(fixedDelayString = "${vouch.outbox.sweep-interval:PT10S}", initialDelayString = "${vouch.outbox.sweep-interval:PT10S}")
    public void sweep() {
        try {
            int published = relay.sweep();
            if (published > 0) {
                log.info("Outbox sweep published {} event(s) left behind", published);
            }
        } catch (RuntimeException e) {
            log.warn("Outbox sweep failed: {}", e.toString());
        }
    }
}
