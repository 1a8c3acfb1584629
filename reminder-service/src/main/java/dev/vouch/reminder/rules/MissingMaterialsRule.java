package dev.vouch.reminder.rules;

import dev.vouch.events.Material;
import dev.vouch.events.ReminderKind;
import dev.vouch.reminder.projection.Letter;
import dev.vouch.reminder.projection.Mentor;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * MISSING_MATERIALS: asked for without the required materials (personal statement and CV), still missing
 * {@code missingMaterialsAfter} (2 days) later. Cleared when the materials shared include all of them, or the
 * letter ends.
 */
public final class MissingMaterialsRule implements LetterRule {

    private final ReminderPolicy policy;

    public MissingMaterialsRule(ReminderPolicy policy) {
        this.policy = policy;
    }

    @Override
    public List<String> reminderIds(String letterId) {
        return List.of(ReminderIds.of(ReminderKind.MISSING_MATERIALS, letterId));
    }

    @Override
    public List<Verdict> evaluate(Letter letter, Mentor mentor) {
        String id = ReminderIds.of(ReminderKind.MISSING_MATERIALS, letter.id());
        if (!letter.isRequested()) {
            return List.of(new Verdict(id, ReminderKind.MISSING_MATERIALS, Condition.NOT_APPLICABLE, null,
                    letter.id(), letter.mentorId(), letter.deadline(), null, null, false));
        }
        Condition condition = missing(letter).isEmpty() || !letter.isOpen() ? Condition.CLEARED : Condition.ACTIVE;
        return List.of(new Verdict(id, ReminderKind.MISSING_MATERIALS, condition,
                letter.requestedAt().plus(policy.missingMaterialsAfter()), letter.id(), letter.mentorId(),
                letter.deadline(), null, null, false));
    }

    /** The required materials the writer does not have. */
    public Set<Material> missing(Letter letter) {
        if (policy.requiredMaterials().isEmpty()) {
            return Set.of();
        }
        Set<Material> missing = EnumSet.copyOf(policy.requiredMaterials());
        missing.removeAll(letter.materials());
        return missing;
    }
}
