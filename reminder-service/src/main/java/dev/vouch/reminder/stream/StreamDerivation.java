package dev.vouch.reminder.stream;

import dev.vouch.events.ContactLogged;
import dev.vouch.events.ContactType;
import dev.vouch.events.EventEnvelope;
import dev.vouch.events.LetterEvent;
import dev.vouch.events.MentorEvent;
import dev.vouch.events.ReminderEvent;
import dev.vouch.events.VouchEvent;
import dev.vouch.kit.outbox.ConflictRetry;
import dev.vouch.reminder.derivation.DerivationStore;
import dev.vouch.reminder.derivation.Judgement;
import dev.vouch.reminder.derivation.ProjectionChange;
import dev.vouch.reminder.lifecycle.SubjectReminders;
import dev.vouch.reminder.projection.Letter;
import dev.vouch.events.TargetCoverageChanged;
import dev.vouch.events.TargetEvent;
import dev.vouch.reminder.projection.Mentor;
import dev.vouch.reminder.projection.Target;
import dev.vouch.reminder.projection.Stamp;
import dev.vouch.reminder.rules.ReminderIds;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a batch of the event stream into reminders: folds the events into the letter and mentor projections,
 * writes the projections that changed, then has every subject the batch touched judged again (a letter, its
 * mentor, a mentor and the letters asked of them) and records when each next needs the scheduler. Once the
 * service has caught up, what is due already fires in the same pass (with the same compare-and-set on each
 * reminder's version as the scheduler's firing, so it still fires once across instances); while catching up
 * nothing fires, and the scheduler fires what is due once the gate opens.
 *
 * <p>Every subject a batch mentions is judged, even when its event turns out to be a duplicate, so a batch
 * redelivered after a crash half-way through its writes completes them; when nothing changed, nothing is
 * written.
 */
public final class StreamDerivation {

    private final Judgement judgement;
    private final DerivationStore store;
    private final boolean firesDue;

    /** @param firesDue whether what is due fires in the stream's pass once caught up (off where tests fire by hand) */
    public StreamDerivation(Judgement judgement, DerivationStore store, boolean firesDue) {
        this.judgement = judgement;
        this.store = store;
        this.firesDue = firesDue;
    }

    /**
     * Applies a batch of events from the three topics (target coverage comes on the letters topic).
     *
     * @param now  the time of derivation
     * @param live whether the service has caught up: owed resolutions are published and what is due fires
     *             (false while catching up, when both are left to the scheduler)
     * @throws EventFailedException naming the first event that cannot be applied
     */
    public Judgement.Outcome apply(List<EventEnvelope<VouchEvent>> batch, Instant now, boolean live) {
        // A projection write that lost (state read from a cache gone stale) is folded again from what is stored.
        return ConflictRetry.retrying(2, () -> applyOnce(batch, now, live));
    }

    private Judgement.Outcome applyOnce(List<EventEnvelope<VouchEvent>> batch, Instant now, boolean live) {
        Set<String> letterIds = new LinkedHashSet<>();
        Set<String> mentorIds = new LinkedHashSet<>();
        Set<String> targetIds = new LinkedHashSet<>();
        for (EventEnvelope<VouchEvent> envelope : batch) {
            if (envelope.payload() instanceof LetterEvent letter) {
                letterIds.add(letter.letterId());
                if (letter.mentorId() != null) {
                    mentorIds.add(letter.mentorId());
                }
            } else if (envelope.payload() instanceof MentorEvent mentor) {
                mentorIds.add(mentor.mentorId());
            } else if (envelope.payload() instanceof TargetEvent target) {
                targetIds.add(target.targetId());
            }
        }
        Map<String, Letter> loadedLetters = store.letters(letterIds);
        Map<String, Mentor> loadedMentors = store.mentors(mentorIds);
        Map<String, Target> loadedTargets = targetIds.isEmpty() ? Map.of() : store.targets(targetIds);
        Fold fold = new Fold(new HashMap<>(loadedLetters), new HashMap<>(loadedMentors), new HashMap<>(loadedTargets));
        for (int i = 0; i < batch.size(); i++) {
            try {
                fold.add(batch.get(i));
            } catch (RuntimeException e) {
                throw new EventFailedException(i, e);
            }
        }
        Set<String> subjects = fold.subjects();
        saveChanged(fold, loadedLetters, loadedMentors, letterIds, mentorIds);
        saveTargets(fold, loadedTargets);
        Judgement.Outcome outcome = judgement.judge(subjects, fold.letters, fold.mentors, fold.remembered,
                new SubjectReminders.Context(now, live && firesDue, live));
        store.schedule(outcome.schedule());
        return outcome;
    }

    private void saveChanged(Fold fold, Map<String, Letter> loadedLetters, Map<String, Mentor> loadedMentors,
                             Set<String> letterIds, Set<String> mentorIds) {
        List<ProjectionChange<Letter>> letters = new ArrayList<>();
        fold.letters.forEach((id, letter) -> {
            if (letterIds.contains(id) && !letter.equals(loadedLetters.get(id))) {
                letters.add(new ProjectionChange<>(loadedLetters.get(id), letter));
            }
        });
        List<ProjectionChange<Mentor>> mentors = new ArrayList<>();
        fold.mentors.forEach((id, mentor) -> {
            if (mentorIds.contains(id) && !mentor.equals(loadedMentors.get(id))) {
                mentors.add(new ProjectionChange<>(loadedMentors.get(id), mentor));
            }
        });
        if (!letters.isEmpty() || !mentors.isEmpty()) {
            store.saveProjections(letters, mentors);
        }
    }

    private void saveTargets(Fold fold, Map<String, Target> loaded) {
        List<ProjectionChange<Target>> targets = new ArrayList<>();
        fold.targets.forEach((id, target) -> {
            if (!target.equals(loaded.get(id))) {
                targets.add(new ProjectionChange<>(loaded.get(id), target));
            }
        });
        if (!targets.isEmpty()) {
            store.saveTargets(targets);
        }
    }

    /** One batch folded into the projections, with the subjects it touched. */
    private static final class Fold {

        final Map<String, Letter> letters;
        final Map<String, Mentor> mentors;
        final Map<String, Target> targets;
        final List<EventEnvelope<VouchEvent>> remembered = new ArrayList<>();
        private final Set<String> subjects = new LinkedHashSet<>();
        private final Set<String> mentorsReachingLetters = new LinkedHashSet<>();

        Fold(Map<String, Letter> letters, Map<String, Mentor> mentors, Map<String, Target> targets) {
            this.letters = letters;
            this.mentors = mentors;
            this.targets = targets;
        }

        void add(EventEnvelope<VouchEvent> envelope) {
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
            } else if (payload instanceof TargetCoverageChanged event) {
                String id = event.targetId();
                Target target = targets.getOrDefault(id, Target.unknown(id, stamp.tenant(), stamp.studentId()));
                targets.put(id, target.apply(event, stamp));
                subjects.add(ReminderIds.targetSubject(id));
            } else if (payload instanceof ReminderEvent event) {
                ReminderIds.Parsed parsed = ReminderIds.parse(event.reminderId());
                if (parsed != null) {
                    remembered.add(envelope);
                    subjects.add(parsed.subject());
                }
            }
        }

        Set<String> subjects() {
            Set<String> all = new LinkedHashSet<>(subjects);
            for (String mentorId : mentorsReachingLetters) {
                mentors.get(mentorId).letterIds().forEach(letterId -> all.add(ReminderIds.letterSubject(letterId)));
            }
            return all;
        }
    }
}
