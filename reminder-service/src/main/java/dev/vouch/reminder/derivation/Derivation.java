package dev.vouch.reminder.derivation;

import dev.vouch.events.ContactLogged;
import dev.vouch.events.ContactType;
import dev.vouch.events.EventEnvelope;
import dev.vouch.events.LetterEvent;
import dev.vouch.events.MentorEvent;
import dev.vouch.events.ReminderDue;
import dev.vouch.events.ReminderEvent;
import dev.vouch.events.ReminderKind;
import dev.vouch.events.VouchEvent;
import dev.vouch.kit.outbox.EventFactory;
import dev.vouch.reminder.projection.Letter;
import dev.vouch.reminder.projection.Mentor;
import dev.vouch.reminder.projection.Stamp;
import dev.vouch.reminder.reminder.Reminder;
import dev.vouch.reminder.reminder.SubjectReminders;
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
import java.util.Objects;
import java.util.Set;

/**
 * Turns the event stream into reminders, a batch at a time: folds the events into the letter and mentor
 * projections, then re-judges every subject the batch touched (a letter, its mentor, a mentor and the letters
 * asked of them) and reconciles the stored reminders with the verdicts. The scheduler's {@link #fire} runs
 * the same reconciliation and also fires what is due.
 *
 * <p>Every subject a batch mentions is re-judged, even when its event turns out to be a duplicate, so a batch
 * redelivered after a crash half-way through its writes completes them; when nothing changed, nothing is
 * written. Reminders are written only if still at the version they were read at; when another writer (the
 * scheduler, a student) got there first, the batch's reminders are read again and judged again.
 */
public final class Derivation {

    static final int MAX_ATTEMPTS = 5;

    private final ReminderRules rules;
    private final ReminderText text;
    private final EventFactory events;
    private final DerivationStore store;

    public Derivation(ReminderRules rules, EventFactory events, DerivationStore store) {
        this.rules = rules;
        this.text = new ReminderText(rules.policy());
        this.events = events;
        this.store = store;
    }

    /** What a batch or a firing did. */
    public record Outcome(Map<String, Instant> schedule, List<ReminderKind> fired, List<Reminder> written) {
    }

    /**
     * Applies a batch of events from the three topics.
     *
     * @param now      the time of derivation (only used to schedule owed announcements)
     * @param announce whether owed resolutions may be published now (false while catching up)
     * @throws EventFailedException naming the first event that cannot be applied
     */
    public Outcome apply(List<EventEnvelope<VouchEvent>> batch, Instant now, boolean announce) {
        Set<String> letterIds = new LinkedHashSet<>();
        Set<String> mentorIds = new LinkedHashSet<>();
        for (EventEnvelope<VouchEvent> envelope : batch) {
            if (envelope.payload() instanceof LetterEvent letter) {
                letterIds.add(letter.letterId());
                if (letter.mentorId() != null) {
                    mentorIds.add(letter.mentorId());
                }
            } else if (envelope.payload() instanceof MentorEvent mentor) {
                mentorIds.add(mentor.mentorId());
            }
        }
        Map<String, Letter> loadedLetters = store.letters(letterIds);
        Map<String, Mentor> loadedMentors = store.mentors(mentorIds);
        Map<String, Letter> letters = new HashMap<>(loadedLetters);
        Map<String, Mentor> mentors = new HashMap<>(loadedMentors);

        Set<String> subjects = new LinkedHashSet<>();
        Set<String> mentorsReachingLetters = new LinkedHashSet<>();
        List<EventEnvelope<VouchEvent>> remembered = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            EventEnvelope<VouchEvent> envelope = batch.get(i);
            try {
                Stamp stamp = new Stamp(envelope.tenant(), envelope.studentId(), envelope.sequence(), envelope.time());
                VouchEvent payload = envelope.payload();
                if (payload instanceof LetterEvent event) {
                    String id = event.letterId();
                    Letter letter = letters.getOrDefault(id, Letter.unknown(id, stamp.tenant(), stamp.studentId()));
                    letters.put(id, letter.apply(event, stamp));
                    if (event.mentorId() != null) {
                        Mentor mentor = mentors.getOrDefault(event.mentorId(),
                                Mentor.placeholder(event.mentorId(), stamp.tenant(), stamp.studentId()));
                        if (mentor.tenant().equals(stamp.tenant()) && mentor.studentId().equals(stamp.studentId())) {
                            mentors.put(mentor.id(), mentor.withLetter(id));
                        }
                    }
                    subjects.add(ReminderIds.letterSubject(id));
                } else if (payload instanceof MentorEvent event) {
                    String id = event.mentorId();
                    Mentor mentor = mentors.getOrDefault(id, Mentor.placeholder(id, stamp.tenant(), stamp.studentId()));
                    mentors.put(id, mentor.apply(event, stamp));
                    subjects.add(ReminderIds.mentorSubject(id));
                    // Letters hear about their mentor's name (their words), archiving and thank-you notes.
                    if (!(event instanceof ContactLogged contact) || contact.type() == ContactType.THANK_YOU) {
                        mentorsReachingLetters.add(id);
                    }
                } else if (payload instanceof ReminderEvent event) {
                    ReminderIds.Parsed parsed = ReminderIds.parse(event.reminderId());
                    if (parsed != null) {
                        remembered.add(envelope);
                        subjects.add(parsed.subject());
                    }
                }
            } catch (RuntimeException e) {
                throw new EventFailedException(i, e);
            }
        }
        for (String mentorId : mentorsReachingLetters) {
            mentors.get(mentorId).letterIds().forEach(letterId -> subjects.add(ReminderIds.letterSubject(letterId)));
        }
        loadMissing(subjects, letters, mentors);

        List<Letter> changedLetters = new ArrayList<>();
        List<Letter> firstSeenLetters = new ArrayList<>();
        letters.forEach((id, letter) -> {
            Letter before = loadedLetters.get(id);
            if (letterIds.contains(id) && !letter.equals(before)) {
                changedLetters.add(letter);
                if (before == null) {
                    firstSeenLetters.add(letter);
                }
            }
        });
        List<Mentor> changedMentors = new ArrayList<>();
        List<Mentor> firstSeenMentors = new ArrayList<>();
        mentors.forEach((id, mentor) -> {
            Mentor before = loadedMentors.get(id);
            if (mentorIds.contains(id) && !mentor.equals(before)) {
                changedMentors.add(mentor);
                if (before == null) {
                    firstSeenMentors.add(mentor);
                }
            }
        });
        if (!changedLetters.isEmpty() || !changedMentors.isEmpty()) {
            store.saveProjections(changedLetters, changedMentors, firstSeenLetters, firstSeenMentors);
        }
        Outcome outcome = reconcile(subjects, letters, mentors, remembered, new SubjectReminders.Context(now, false,
                announce, events));
        store.schedule(outcome.schedule());
        return outcome;
    }

    /**
     * Fires what is due for these subjects and publishes owed resolutions. The caller schedules the subjects
     * again from {@link Outcome#schedule()}.
     */
    public Outcome fire(Collection<String> subjects, Instant now) {
        Map<String, Letter> letters = new HashMap<>();
        Map<String, Mentor> mentors = new HashMap<>();
        loadMissing(subjects, letters, mentors);
        return reconcile(subjects, letters, mentors, List.of(), new SubjectReminders.Context(now, true, true, events));
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

    private Outcome reconcile(Collection<String> subjects, Map<String, Letter> letters, Map<String, Mentor> mentors,
                              List<EventEnvelope<VouchEvent>> remembered, SubjectReminders.Context context) {
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

        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Map<String, Reminder> loaded = store.reminders(allIds);
            Map<String, Reminder> docs = new HashMap<>();
            loaded.forEach((id, doc) -> docs.put(id, doc.copy()));
            remember(remembered, docs);

            Map<String, Instant> schedule = new LinkedHashMap<>();
            List<ReminderKind> fired = new ArrayList<>();
            for (Map.Entry<String, Set<String>> entry : idsBySubject.entrySet()) {
                String subject = entry.getKey();
                Map<String, Reminder> subjectDocs = new LinkedHashMap<>();
                entry.getValue().forEach(id -> {
                    if (docs.containsKey(id)) {
                        subjectDocs.put(id, docs.get(id));
                    }
                });
                SubjectReminders.Result result = reconcileSubject(subject, letters, mentors, subjectDocs, context);
                subjectDocs.forEach(docs::put);
                schedule.put(subject, result.nextFireAt());
                fired.addAll(result.fired());
            }
            List<Reminder> changed = new ArrayList<>();
            docs.forEach((id, doc) -> {
                Reminder before = loaded.get(id);
                if (before == null || !doc.sameStateAs(before) || !doc.newEvents().isEmpty()) {
                    changed.add(doc);
                }
            });
            Set<String> conflicts = changed.isEmpty() ? Set.of() : store.saveReminders(changed);
            if (conflicts.isEmpty()) {
                return new Outcome(schedule, fired, changed);
            }
        }
        throw new OptimisticLockingFailureException("Reminders kept changing under derivation after "
                + MAX_ATTEMPTS + " attempts");
    }

    private static void remember(List<EventEnvelope<VouchEvent>> remembered, Map<String, Reminder> docs) {
        for (EventEnvelope<VouchEvent> envelope : remembered) {
            ReminderEvent event = (ReminderEvent) envelope.payload();
            Reminder doc = docs.get(event.reminderId());
            if (doc == null) {
                if (event instanceof ReminderDue due) {
                    docs.put(due.reminderId(), Reminder.announced(due, envelope.tenant(), envelope.studentId(),
                            envelope.time()));
                }
            } else if (Objects.equals(doc.getTenant(), envelope.tenant())
                    && Objects.equals(doc.getStudentId(), envelope.studentId())) {
                doc.remember(event, envelope.time());
            }
        }
    }

    private SubjectReminders.Result reconcileSubject(String subject, Map<String, Letter> letters,
                                                     Map<String, Mentor> mentors, Map<String, Reminder> docs,
                                                     SubjectReminders.Context context) {
        String id = ReminderIds.subjectId(subject);
        if (ReminderIds.isMentorSubject(subject)) {
            Mentor mentor = mentors.get(id);
            List<Verdict> verdicts = rules.forMentor(mentor);
            return SubjectReminders.reconcile(mentor == null ? null : mentor.tenant(),
                    mentor == null ? null : mentor.studentId(), verdicts, docs,
                    (verdict, asOf) -> text.render(verdict, null, mentor, asOf), context);
        }
        Letter letter = letters.get(id);
        Mentor mentor = letter == null || letter.mentorId() == null ? null : mentors.get(letter.mentorId());
        List<Verdict> verdicts = rules.forLetter(letter, mentor);
        return SubjectReminders.reconcile(letter == null ? null : letter.tenant(),
                letter == null ? null : letter.studentId(), verdicts, docs,
                (verdict, asOf) -> text.render(verdict, letter, mentor, asOf), context);
    }
}
