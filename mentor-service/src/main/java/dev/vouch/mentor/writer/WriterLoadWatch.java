package dev.vouch.mentor.writer;

import dev.vouch.kit.outbox.EventOutbox;
import dev.vouch.kit.outbox.StudentIndex;
import dev.vouch.mentor.letters.LettersProjected;
import dev.vouch.mentor.mentor.Mentor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Announces writers crossing the load threshold. Checked for the writers that batches of letter events touched
 * (a letter asked, answered, finished or moved: only their load can have changed), gathered and checked once
 * per writer every {@code vouch.writers.touched-check-delay}, so that a stream of small batches costs one check
 * per writer rather than one per batch; and for every institution on a schedule, because letters come due with
 * time alone (which also covers what a crash left unchecked). Several instances may check at once: the version
 * check lets one of them announce, and the others find nothing left to announce next time.
 */
@Component
public class WriterLoadWatch {

    private static final Logger log = LoggerFactory.getLogger(WriterLoadWatch.class);

    private final WriterBoard board;
    private final StudentIndex students;
    private final MongoTemplate mongo;
    private final EventOutbox outbox;
    private final Clock clock;

    /** Institution to the mentors whose letters changed since the last check of touched writers. */
    private final Map<String, Set<String>> touched = new HashMap<>();

    WriterLoadWatch(WriterBoard board, StudentIndex students, MongoTemplate mongo, EventOutbox outbox, Clock clock) {
        this.students = students;
        this.board = board;
        this.mongo = mongo;
        this.outbox = outbox;
        this.clock = clock;
    }

    @EventListener
    void on(LettersProjected projected) {
        synchronized (touched) {
            projected.mentorsByTenant().forEach((tenant, mentorIds) ->
                    touched.computeIfAbsent(tenant, t -> new java.util.HashSet<>()).addAll(mentorIds));
        }
    }

    @Scheduled(fixedDelayString = "${vouch.writers.touched-check-delay:PT1S}")
    void checkTouched() {
        Map<String, Set<String>> due;
        synchronized (touched) {
            due = new HashMap<>(touched);
            touched.clear();
        }
        due.forEach((tenant, mentorIds) -> {
            try {
                check(tenant, mentorIds);
            } catch (RuntimeException e) {
                log.warn("Checking the load of writers letter events touched failed; the next check tries again", e);
                synchronized (touched) {
                    touched.computeIfAbsent(tenant, t -> new java.util.HashSet<>()).addAll(mentorIds);
                }
            }
        });
    }

    @Scheduled(fixedDelayString = "${vouch.writers.check-interval:PT1H}", initialDelayString = "${vouch.writers.check-interval:PT1H}")
    void checkAll() {
        for (String tenant : mongo.findDistinct(new Query(), "tenant", Mentor.class, String.class)) {
            try {
                check(tenant);
            } catch (RuntimeException e) {
                log.warn("Checking the writers' load of one institution failed; the next check tries again", e);
            }
        }
    }

    /**
     * Checks the writers these mentors are, across all the institution's students.
     *
     * @return how many writers' announcements were written
     */
    public int check(String tenant, Set<String> mentorIds) {
        Instant now = clock.instant();
        Map<String, WriterLoad> loads = board.writersOf(tenant, mentorIds, now);
        Map<String, WriterLoadState> states = new HashMap<>();
        if (!loads.isEmpty()) {
            mongo.find(Query.query(Criteria.where("_id").in(loads.keySet())), WriterLoadState.class)
                    .forEach(state -> states.put(state.getId(), state));
        }
        List<WriterLoadState> changed = new ArrayList<>();
        loads.forEach((writerId, load) -> {
            WriterLoadState state = states.get(writerId);
            if (load.load() != LoadLevel.HIGH && (state == null || !state.isOverloaded())) {
                return;
            }
            if (state == null) {
                state = WriterLoadState.of(tenant, writerId);
            }
            if (state.observe(load, board.threshold(), now)) {
                changed.add(state);
            }
        });
        return save(changed);
    }

    /**
     * Checks every writer of the institution.
     *
     * @return how many writers' announcements were written
     */
    public int check(String tenant) {
        Instant now = clock.instant();
        List<WriterLoad> loads = board.loads(tenant, now);
        Map<String, WriterLoadState> overloaded = new HashMap<>();
        students.findInTenant(WriterLoadState.class, tenant).stream().filter(WriterLoadState::isOverloaded)
                .forEach(state -> overloaded.put(state.getId(), state));
        List<WriterLoadState> changed = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (WriterLoad load : loads) {
            seen.add(load.writerId());
            if (load.load() != LoadLevel.HIGH && !overloaded.containsKey(load.writerId())) {
                continue;
            }
            WriterLoadState state = overloaded.get(load.writerId());
            if (state == null) {
                state = mongo.findById(load.writerId(), WriterLoadState.class);
            }
            if (state == null) {
                state = WriterLoadState.of(tenant, load.writerId());
            }
            if (state.observe(load, board.threshold(), now)) {
                changed.add(state);
            }
        }
        // Overloaded writers with nothing open any more: eased to nothing.
        overloaded.values().stream().filter(state -> !seen.contains(state.getId())).forEach(state -> {
            if (state.observe(new WriterLoad(state.getId(), null, null, List.of(), 0, 0, 0, 0, null, 0, 0, LoadLevel.LOW),
                    board.threshold(), now)) {
                changed.add(state);
            }
        });
        return save(changed);
    }

    private int save(List<WriterLoadState> changed) {
        if (changed.isEmpty()) {
            return 0;
        }
        // One bulk write; new states are inserts, so two instances racing leave one of them a duplicate key.
        Set<String> conflicts = new java.util.HashSet<>(outbox.saveAll(changed));
        return changed.size() - conflicts.size();
    }
}
