package dev.vouch.reminder.reminder;

import dev.vouch.kit.security.AccessScope;
import dev.vouch.reminder.lifecycle.ReminderAgenda;
import dev.vouch.reminder.lifecycle.StoredReminder;
import dev.vouch.reminder.projection.Letter;
import dev.vouch.reminder.projection.Mentor;
import dev.vouch.reminder.projection.Target;
import dev.vouch.reminder.projection.StudentSubjects;
import dev.vouch.reminder.store.ProjectionStore;
import dev.vouch.reminder.store.ReminderStore;
import dev.vouch.reminder.rules.ReminderIds;
import dev.vouch.reminder.rules.ReminderRules;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a student's reminders: their letters and mentors from the student index, then every reminder those can
 * have, all by {@code _id}.
 */
@Component
public class ReminderQueries {

    private final ProjectionStore projections;
    private final ReminderStore reminders;
    private final ReminderRules rules;
    private final Clock clock;

    public ReminderQueries(ProjectionStore projections, ReminderStore reminders, ReminderRules rules, Clock clock) {
        this.projections = projections;
        this.reminders = reminders;
        this.rules = rules;
        this.clock = clock;
    }

    /** Every reminder of the student in scope, stored and coming up, sorted by when next due. */
    public List<ReminderAgenda.Item> agenda(AccessScope scope) {
        StudentSubjects subjects = projections.student(scope.tenant(), scope.studentId());
        Map<String, Letter> letters = projections.letters(subjects.letterIds());
        letters.values().removeIf(letter -> !owned(scope, letter.tenant(), letter.studentId()));
        Set<String> mentorIds = new LinkedHashSet<>(subjects.mentorIds());
        letters.values().forEach(letter -> {
            if (letter.mentorId() != null) {
                mentorIds.add(letter.mentorId());
            }
        });
        Map<String, Mentor> mentors = new HashMap<>(projections.mentors(mentorIds));
        mentors.values().removeIf(mentor -> !owned(scope, mentor.tenant(), mentor.studentId()));
        Set<String> ids = new LinkedHashSet<>();
        letters.keySet().forEach(id -> ids.addAll(rules.reminderIds(ReminderIds.letterSubject(id))));
        mentors.keySet().forEach(id -> ids.addAll(rules.reminderIds(ReminderIds.mentorSubject(id))));
        List<Target> targets = new ArrayList<>(projections.targets(subjects.targetIds()).values());
        targets.removeIf(target -> !owned(scope, target.tenant(), target.studentId()));
        targets.forEach(target -> ids.addAll(rules.reminderIds(ReminderIds.targetSubject(target.id()))));
        Map<String, StoredReminder> docs = new HashMap<>();
        reminders.find(ids).forEach((id, doc) -> {
            if (scope.covers(doc)) {
                docs.put(id, doc.stored());
            }
        });
        return ReminderAgenda.of(new ArrayList<>(letters.values()), mentors, targets, docs, rules, clock.instant());
    }

    private static boolean owned(AccessScope scope, String tenant, String studentId) {
        return scope.tenant().equals(tenant) && scope.studentId().equals(studentId);
    }
}
