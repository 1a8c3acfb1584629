package dev.vouch.reminder.rules;

import dev.vouch.events.ReminderKind;

/**
 * Deterministic reminder ids: {@code <KIND>:<letterId or mentorId>[:<qualifier>]}, e.g.
 * {@code DEADLINE_APPROACHING:c9f0...:7}, {@code ASK_EARLY:c9f0...:planned}, {@code STAY_IN_TOUCH:8f14...}.
 * The same letter or mentor, kind and threshold always give the same id, so replays and several instances
 * never make two of one reminder.
 *
 * <p>Rules are evaluated per subject, a letter, a mentor or an application target: {@code letter:<id>},
 * {@code mentor:<id>} or {@code target:<id>}.
 */
public final class ReminderIds {

    public static final String PLANNED = "planned";
    public static final String SHORT_NOTICE = "short-notice";

    private static final String LETTER_SUBJECT = "letter:";
    private static final String MENTOR_SUBJECT = "mentor:";
    private static final String TARGET_SUBJECT = "target:";

    private ReminderIds() {
    }

    public static String of(ReminderKind kind, String subjectId) {
        return kind.name() + ":" + subjectId;
    }

    public static String of(ReminderKind kind, String subjectId, String qualifier) {
        return of(kind, subjectId) + ":" + qualifier;
    }

    public static String deadline(String letterId, int daysBefore) {
        return of(ReminderKind.DEADLINE_APPROACHING, letterId, Integer.toString(daysBefore));
    }

    /** {@code COVERAGE_GAP:<targetId>:<gap>}, e.g. {@code COVERAGE_GAP:t-6f1e...:TOO_FEW_ON_TRACK}. */
    public static String coverage(String targetId, String gap) {
        return of(ReminderKind.COVERAGE_GAP, targetId, gap);
    }

    public static String targetSubject(String targetId) {
        return TARGET_SUBJECT + targetId;
    }

    public static boolean isTargetSubject(String subject) {
        return subject.startsWith(TARGET_SUBJECT);
    }

    public static String letterSubject(String letterId) {
        return LETTER_SUBJECT + letterId;
    }

    public static String mentorSubject(String mentorId) {
        return MENTOR_SUBJECT + mentorId;
    }

    public static boolean isLetterSubject(String subject) {
        return subject.startsWith(LETTER_SUBJECT);
    }

    public static boolean isMentorSubject(String subject) {
        return subject.startsWith(MENTOR_SUBJECT);
    }

    /** The letter or mentor id of a subject. */
    public static String subjectId(String subject) {
        return subject.substring(subject.indexOf(':') + 1);
    }

    /** The parts of a reminder id; null if it is not one of ours. */
    public static Parsed parse(String reminderId) {
        int first = reminderId.indexOf(':');
        if (first <= 0) {
            return null;
        }
        ReminderKind kind;
        try {
            kind = ReminderKind.valueOf(reminderId.substring(0, first));
        } catch (IllegalArgumentException e) {
            return null;
        }
        String rest = reminderId.substring(first + 1);
        String qualifier = null;
        if (kind == ReminderKind.COVERAGE_GAP) {
            // Target ids have no colon; the gap follows the first one.
            int colon = rest.indexOf(':');
            if (colon <= 0) {
                return null;
            }
            return new Parsed(kind, rest.substring(0, colon), rest.substring(colon + 1));
        }
        if (kind == ReminderKind.DEADLINE_APPROACHING || kind == ReminderKind.ASK_EARLY) {
            int last = rest.lastIndexOf(':');
            if (last <= 0) {
                return null;
            }
            qualifier = rest.substring(last + 1);
            rest = rest.substring(0, last);
        }
        return new Parsed(kind, rest, qualifier);
    }

    /**
     * A reminder id taken apart; {@code subjectId} is a letter id, a mentor id for STAY_IN_TOUCH, a target id for
     * COVERAGE_GAP.
     */
    public record Parsed(ReminderKind kind, String subjectId, String qualifier) {

        public boolean isAboutMentor() {
            return kind == ReminderKind.STAY_IN_TOUCH;
        }

        public boolean isAboutTarget() {
            return kind == ReminderKind.COVERAGE_GAP;
        }

        public String subject() {
            return isAboutMentor() ? mentorSubject(subjectId)
                    : isAboutTarget() ? targetSubject(subjectId) : letterSubject(subjectId);
        }

        /** Which gap a COVERAGE_GAP reminder is about. */
        public String gap() {
            return isAboutTarget() ? qualifier : null;
        }

        public Integer daysBefore() {
            if (kind != ReminderKind.DEADLINE_APPROACHING) {
                return null;
            }
            try {
                return Integer.valueOf(qualifier);
            } catch (NumberFormatException e) {
                return null;
            }
        }

        public String variant() {
            return kind == ReminderKind.ASK_EARLY ? qualifier : null;
        }
    }
}
