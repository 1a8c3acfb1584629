package dev.vouch.testsupport;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Replaces the service's clock with a {@link MutableClock}; inject it to move time. */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {

    @Bean
    MutableClock clock() {
        return MutableClock.startingNow();
    }
}
