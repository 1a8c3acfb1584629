package dev.vouch.request.mentor;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Wakes requests that wait for a mentor the moment this instance's listener records it, so a letter asked
 * of a mentor created a moment ago is answered as soon as its MentorAdded lands rather than at the next poll.
 * With several instances the listener may run elsewhere; waiters then fall back to polling the directory.
 */
@Component
public class MentorArrivals {

    static final String WAITING = "vouch.letters.mentor.waiting";

    private final ConcurrentMap<String, CompletableFuture<Void>> awaited = new ConcurrentHashMap<>();

    MentorArrivals(MeterRegistry registry) {
        Gauge.builder(WAITING, awaited, ConcurrentMap::size)
                .description("Mentors that letter requests are waiting for, not yet in the directory")
                .register(registry);
    }

    /** A future completed when the mentor is recorded here. Pair each call with {@link #forget}. */
    CompletableFuture<Void> expect(String mentorId) {
        return awaited.computeIfAbsent(mentorId, id -> new CompletableFuture<>());
    }

    void forget(String mentorId, CompletableFuture<Void> arrival) {
        awaited.remove(mentorId, arrival);
    }

    void arrived(Collection<String> mentorIds) {
        for (String mentorId : mentorIds) {
            CompletableFuture<Void> arrival = awaited.remove(mentorId);
            if (arrival != null) {
                arrival.complete(null);
            }
        }
    }
}
