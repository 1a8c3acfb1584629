package dev.vouch.mentor.writer;

import dev.vouch.mentor.letters.LetterState;
import dev.vouch.mentor.letters.MentorLetters;
import dev.vouch.kit.outbox.StudentIndex;
import dev.vouch.mentor.letters.MentorLettersProjection;
import dev.vouch.mentor.mentor.Mentor;
import dev.vouch.mentor.mentor.WriterKeyIndex;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writers and their load across one institution's students: the institution's mentors grouped into writers
 * ({@link WriterIdentity}), their letters read from the letter projection by {@code _id}, counted by
 * {@link WriterLoad}. The answers hold counts and the writer's own details, never another student's records.
 */
@Component
public class WriterBoard {

    private final MongoTemplate mongo;
    private final StudentIndex students;
    private final MentorLettersProjection letters;
    private final WriterLinks links;
    private final WriterProperties properties;
    private final WriterKeyIndex writerKeys;

    WriterBoard(MongoTemplate mongo, StudentIndex students, MentorLettersProjection letters, WriterLinks links,
                WriterProperties properties, WriterKeyIndex writerKeys) {
        this.mongo = mongo;
        this.writerKeys = writerKeys;
        this.students = students;
        this.letters = letters;
        this.links = links;
        this.properties = properties;
    }

    public int threshold() {
        return properties.threshold();
    }

    /** Every writer of the institution with at least one letter in progress, riskiest first. */
    public List<WriterLoad> loads(String tenant, Instant now) {
        List<Mentor> mentors = mentorsOf(tenant);
        return loads(tenant, mentors, links.of(tenant), now).values().stream()
                .filter(load -> load.openLetters() > 0)
                .sorted(WriterLoad.BY_RISK)
                .toList();
    }

    /**
     * The load across all students of the writers these mentors (one student's) are: mentor id to the writer's
     * open letters. Only counts leave here.
     */
    public Map<String, Integer> openLettersAcrossStudents(String tenant, Collection<Mentor> studentMentors,
                                                          Instant now) {
        if (studentMentors.isEmpty()) {
            return Map.of();
        }
        Map<String, WriterLinks.Link> linked = links.of(tenant);
        Map<String, WriterLoad> byWriter = loads(tenant, sameWriters(tenant, studentMentors, linked), linked, now);
        Map<String, Integer> open = new HashMap<>();
        studentMentors.forEach(m -> {
            WriterLoad load = byWriter.get(writerOf(tenant, m, linked));
            open.put(m.getId(), load == null ? 0 : load.openLetters());
        });
        return open;
    }

    /**
     * The load across all students of the writers these mentors are, those without open letters included: what
     * a batch of letter events for these mentors can have changed. Writer id to load.
     */
    public Map<String, WriterLoad> writersOf(String tenant, Collection<String> mentorIds, Instant now) {
        if (mentorIds.isEmpty()) {
            return Map.of();
        }
        List<Mentor> mentors = mongo.find(Query.query(Criteria.where("_id").in(mentorIds)), Mentor.class).stream()
                .filter(m -> tenant.equals(m.getTenant())).toList();
        Map<String, WriterLinks.Link> linked = links.of(tenant);
        Map<String, WriterLoad> all = loads(tenant, sameWriters(tenant, mentors, linked), linked, now);
        Map<String, WriterLoad> touched = new LinkedHashMap<>();
        mentors.forEach(m -> {
            String writerId = writerOf(tenant, m, linked);
            touched.put(writerId, all.get(writerId));
        });
        return touched;
    }

    /** These mentors and every other record of the same writers: same email, or linked to the same writer. */
    private Collection<Mentor> sameWriters(String tenant, Collection<Mentor> mentors, Map<String, WriterLinks.Link> linked) {
        Map<String, Mentor> all = new LinkedHashMap<>();
        mentors.forEach(m -> all.put(m.getId(), m));
        java.util.Set<String> writerIds = new java.util.HashSet<>();
        mentors.forEach(m -> writerIds.add(writerOf(tenant, m, linked)));
        List<String> keys = java.util.stream.Stream.concat(
                        mentors.stream().map(Mentor::getWriterKey),
                        mentors.stream().map(m -> linked.get(m.getId())).filter(link -> link != null)
                                .map(WriterLinks.Link::writerKey))
                .filter(k -> k != null).distinct().toList();
        writerKeys.mentors(tenant, keys, all.keySet()).forEach(m -> all.putIfAbsent(m.getId(), m));
        List<String> linkedIds = linked.entrySet().stream()
                .filter(link -> writerIds.contains(link.getValue().writerId()) && !all.containsKey(link.getKey()))
                .map(Map.Entry::getKey).toList();
        if (!linkedIds.isEmpty()) {
            mongo.find(Query.query(Criteria.where("_id").in(linkedIds).and("tenant").is(tenant)), Mentor.class)
                    .forEach(m -> all.putIfAbsent(m.getId(), m));
        }
        return all.values();
    }

    private Map<String, WriterLoad> loads(String tenant, Collection<Mentor> mentors, Map<String, WriterLinks.Link> linked,
                                          Instant now) {
        Map<String, List<Mentor>> byWriter = new LinkedHashMap<>();
        mentors.stream().filter(m -> tenant.equals(m.getTenant()))
                .sorted(Comparator.comparing(Mentor::getCreatedAt, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(Mentor::getId))
                .forEach(m -> byWriter.computeIfAbsent(writerOf(tenant, m, linked), w -> new ArrayList<>()).add(m));
        Map<String, MentorLetters> lettersByKey = new HashMap<>();
        List<String> keys = mentors.stream().map(m -> MentorLetters.key(tenant, m.getStudentId(), m.getId())).toList();
        letters.lettersOf(keys).forEach(found -> lettersByKey.put(found.id(), found));
        Map<String, WriterLoad> loads = new LinkedHashMap<>();
        byWriter.forEach((writerId, same) -> {
            List<WriterLoad.OpenLetter> open = new ArrayList<>();
            for (Mentor mentor : same) {
                MentorLetters found = lettersByKey.get(MentorLetters.key(tenant, mentor.getStudentId(), mentor.getId()));
                if (found == null) {
                    continue;
                }
                for (LetterState letter : found.letters().values()) {
                    if (letter.status() != null) {
                        open.add(new WriterLoad.OpenLetter(mentor.getStudentId(), letter.status(), letter.deadline()));
                    }
                }
            }
            Mentor first = same.get(0);
            String email = same.stream().map(Mentor::getWriterKey).filter(k -> k != null).findFirst().orElse(null);
            loads.put(writerId, WriterLoad.of(writerId, first.getDetails().name(), email,
                    same.stream().map(Mentor::getId).toList(), open, properties.threshold(), now));
        });
        return loads;
    }

    /**
     * The institution's mentors, read by {@code _id} through the kit's student index: the in-process server has no
     * other index for a filter on the tenant, and would scan every institution's mentors.
     */
    private List<Mentor> mentorsOf(String tenant) {
        return students.findInTenant(Mentor.class, tenant);
    }

    static String writerOf(String tenant, Mentor mentor, Map<String, WriterLinks.Link> linked) {
        WriterLinks.Link link = linked.get(mentor.getId());
        return WriterIdentity.writerId(tenant, mentor.getWriterKey(), mentor.getId(), link == null ? null : link.writerId());
    }

    /** The email key of a writer id among the institution's mentors; null if it is not an email writer. */
    String emailKeyOf(String tenant, String writerId) {
        return mentorsOf(tenant).stream().map(Mentor::getWriterKey).filter(key -> key != null).distinct()
                .filter(key -> WriterIdentity.ofEmail(tenant, key).equals(writerId)).findFirst().orElse(null);
    }

    /** Whether any mentor of the institution is this writer (by email, link or as itself). */
    boolean exists(String tenant, String writerId) {
        Map<String, WriterLinks.Link> linked = links.of(tenant);
        return mentorsOf(tenant).stream()
                .anyMatch(m -> writerOf(tenant, m, linked).equals(writerId));
    }
}
