package dev.vouch.reminder.derivation;

import dev.vouch.events.EventEnvelope;
import dev.vouch.events.ReminderDue;
import dev.vouch.events.ReminderEvent;
import dev.vouch.events.ReminderKind;
import dev.vouch.events.VouchEvent;
import dev.vouch.kit.outbox.ConflictRetry;
import dev.vouch.reminder.lifecycle.ReminderFacts;
import dev.vouch.reminder.lifecycle.StoredReminder;
import dev.vouch.reminder.lifecycle.SubjectReminders;
import dev.vouch.reminder.projection.Letter;
import dev.vouch.reminder.projection.Mentor;
import dev.vouch.reminder.projection.Target;
import dev.vouch.reminder.rules.ReminderIds;
import dev.vouch.reminder.rules.ReminderRules;
import dev.vouch.reminder.rules.ReminderText;
import dev.vouch.reminder.rules.Verdict;
import org.springframework.dao.OptimisticLockingFailureException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Judges subjects (a letter with its mentor, or a mentor) and writes what changed: reads their stored
 * reminders, reconciles them with the rules' verdicts ({@link SubjectReminders}) and saves the changes with
 * their events. One instance serves the stream consumer (which only judges, from the projections it just
 * folded) and the scheduler (which fires, from the stored projections). Reminders are written only if still at
 * the version they were read at; when another writer got there first, they are read again and judged again.
 */
public final class Judgement {

    static final int MAX_ATTEMPTS = 5;

    private final ReminderRules rules;
    private final ReminderText text;
    private final DerivationStore store;

    public Judgement(ReminderRules rules, DerivationStore store) {
        this.rules = rules;
        this.text = new ReminderText(rules.policy());
        this.store = store;
    }

    /** What a judgement did: each subject's next fire time (null: nothing pending), what fired, what was written. */
    public record Outcome(Map<String, Instant> schedule, List<ReminderKind> fired, List<ReminderChange> written) {
    }

    /** The scheduler's firing: fires what is due for these subjects and publishes owed resolutions. */
    public Outcome fire(Collection<String> subjects, Instant now) {
        Map<String, Letter> letters = new HashMap<>();
        Map<String, Mentor> mentors = new HashMap<>();
        return judge(subjects, letters, mentors, List.of(), new SubjectReminders.Context(now, true, true));
    }

    /**
     * Judges the subjects from these projections (missing ones are read). {@code remembered} are events of
     * {@code vouch.reminders} read back: their facts are taken before judging.
     */
    public Outcome judge(Collection<String> subjects, Map<String, Letter> letters, Map<String, Mentor> mentors,
                         List<EventEnvelope<VouchEvent>> remembered, SubjectReminders.Context context) {
        loadMissing(subjects, letters, mentors);
        Map<String, Target> targets = targetsOf(subjects);
        Map<String, Set<String>> idsBySubject = new LinkedHashMap<>();
        for (String subject : subjects) {
            idsBySubject.put(subject, new LinkedHashSet<>(rules.reminderIds(subject)));
        }
        for (EventEnvelope<VouchEvent> envelope : remembered) {
            String id = ((ReminderEvent) envelope.payload()).reminderId();
            idsBySubject.computeIfAbsent(ReminderIds.parse(id).subject(), s -> new LinkedHashSet<>()).add(id);
        }
        Set<String> allIds = new LinkedHashSet<>();
        idsBySubject.values().forEach(allIds::addAll);
        return ConflictRetry.retrying(MAX_ATTEMPTS, () -> {
            Map<String, StoredReminder> loaded = store.reminders(allIds);
            Map<String, StoredReminder> stored = remember(remembered, loaded);
            Map<String, Instant> schedule = new LinkedHashMap<>();
            List<ReminderKind> fired = new ArrayList<>();
            Map<String, ReminderChange> changes = new LinkedHashMap<>();
            idsBySubject.forEach((subject, ids) -> {
                Map<String, ReminderFacts> facts = new LinkedHashMap<>();
                ids.forEach(id -> {
                    if (stored.containsKey(id)) {
                        facts.put(id, stored.get(id).facts());
                    }
                });
                SubjectReminders.Result result = judgeSubject(subject, letters, mentors, targets, facts, context);
                schedule.put(subject, result.nextFireAt());
                fired.addAll(result.fired());
                result.changes().forEach((id, step) ->
                        changes.put(id, change(stored.get(id), subject, letters, mentors, targets, step)));
            });
            // What was remembered from the topic is written too, when judging changed nothing more.
            stored.forEach((id, doc) -> changes.computeIfAbsent(id, k ->
                    new ReminderChange(doc.tenant(), doc.studentId(), doc.version(), doc.facts(), List.of())));
            List<ReminderChange> written = changes.values().stream().filter(change -> !change.events().isEmpty()
                    || !loaded.containsKey(change.id()) || !change.facts().equals(loaded.get(change.id()).facts()))
                    .toList();
            if (!written.isEmpty() && !store.saveReminders(written).isEmpty()) {
                throw new OptimisticLockingFailureException("Reminders changed under derivation; judging again");
            }
            return new Outcome(schedule, fired, written);
        });
    }

    /**
     * Takes the facts of events read back from {@code vouch.reminders}; a firing of a reminder not stored yet
     * becomes one (version 0). Changes only the copies read for this attempt.
     */
    private Map<String, StoredReminder> remember(List<EventEnvelope<VouchEvent>> remembered,
                                                 Map<String, StoredReminder> loaded) {
        Map<String, StoredReminder> docs = new HashMap<>(loaded);
        for (EventEnvelope<VouchEvent> envelope : remembered) {
            ReminderEvent event = (ReminderEvent) envelope.payload();
            StoredReminder doc = docs.get(event.reminderId());
            if (doc == null) {
                if (event instanceof ReminderDue due) {
                    docs.put(due.reminderId(), new StoredReminder(envelope.tenant(), envelope.studentId(), 0,
                            ReminderFacts.announced(due, envelope.time())));
                }
            } else if (doc.belongsTo(envelope.tenant(), envelope.studentId())) {
                StoredReminder next = new StoredReminder(doc.tenant(), doc.studentId(), doc.version(),
                        doc.facts().remembered(event, envelope.time()));
                docs.put(doc.id(), next);
            }
        }
        return docs;
    }

    private ReminderChange change(StoredReminder before, String subject, Map<String, Letter> letters,
                                  Map<String, Mentor> mentors, Map<String, Target> targets, ReminderFacts.Step step) {
        if (before != null) {
            return new ReminderChange(before.tenant(), before.studentId(), before.version(), step.facts(), step.events());
        }
        String id = ReminderIds.subjectId(subject);
        if (ReminderIds.isTargetSubject(subject)) {
            Target target = targets.get(id);
            return new ReminderChange(target.tenant(), target.studentId(), 0, step.facts(), step.events());
        }
        if (ReminderIds.isMentorSubject(subject)) {
            Mentor mentor = mentors.get(id);
            return new ReminderChange(mentor.tenant(), mentor.studentId(), 0, step.facts(), step.events());
        }
        Letter letter = letters.get(id);
        return new ReminderChange(letter.tenant(), letter.studentId(), 0, step.facts(), step.events());
    }

    private SubjectReminders.Result judgeSubject(String subject, Map<String, Letter> letters,
                                                 Map<String, Mentor> mentors, Map<String, Target> targets,
                                                 Map<String, ReminderFacts> facts, SubjectReminders.Context context) {
        String id = ReminderIds.subjectId(subject);
        if (ReminderIds.isTargetSubject(subject)) {
            Target target = targets.get(id);
            return SubjectReminders.reconcile(rules.forTarget(target), facts,
                    (verdict, asOf) -> text.render(verdict, target, asOf), context);
        }
        if (ReminderIds.isMentorSubject(subject)) {
            Mentor mentor = mentors.get(id);
            List<Verdict> verdicts = rules.forMentor(mentor);
            return SubjectReminders.reconcile(verdicts, facts,
                    (verdict, asOf) -> text.render(verdict, null, mentor, asOf), context);
        }
        Letter letter = letters.get(id);
        Mentor mentor = letter == null || letter.mentorId() == null ? null : mentors.get(letter.mentorId());
        List<Verdict> verdicts = rules.forLetter(letter, mentor);
        return SubjectReminders.reconcile(verdicts, facts,
                (verdict, asOf) -> text.render(verdict, letter, mentor, asOf), context);
    }

    /** Target projections are read from the store each time: they change rarely and are never cached. */
    private Map<String, Target> targetsOf(Collection<String> subjects) {
        Set<String> ids = new LinkedHashSet<>();
        subjects.stream().filter(ReminderIds::isTargetSubject).forEach(subject -> ids.add(ReminderIds.subjectId(subject)));
        return ids.isEmpty() ? Map.of() : store.targets(ids);
    }

    private void loadMissing(Collection<String> subjects, Map<String, Letter> letters, Map<String, Mentor> mentors) {
        Set<String> missingLetters = new LinkedHashSet<>();
        Set<String> missingMentors = new LinkedHashSet<>();
        for (String subject : subjects) {
            String id = ReminderIds.subjectId(subject);
            if (ReminderIds.isLetterSubject(subject) && !letters.containsKey(id)) {
                missingLetters.add(id);
            } else if (ReminderIds.isMentorSubject(subject) && !mentors.containsKey(id)) {
                missingMentors.add(id);
            }
        }
        if (!missingLetters.isEmpty()) {
            letters.putAll(store.letters(missingLetters));
        }
        for (String subject : subjects) {
            Letter letter = ReminderIds.isLetterSubject(subject) ? letters.get(ReminderIds.subjectId(subject)) : null;
            if (letter != null && letter.mentorId() != null && !mentors.containsKey(letter.mentorId())) {
                missingMentors.add(letter.mentorId());
            }
        }
        if (!missingMentors.isEmpty()) {
            mentors.putAll(store.mentors(missingMentors));
        }
    }
}
