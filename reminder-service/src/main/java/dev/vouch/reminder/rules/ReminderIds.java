package dev.vouch.reminder.rules;

import dev.vouch.events.ReminderKind;

/**
 * Deterministic reminder ids: {@code <KIND>:<letterId or mentorId>[:<qualifier>]}, e.g.
 * {@code DEADLINE_APPROACHING:c9f0...:7}, {@code ASK_EARLY:c9f0...:planned}, {@code STAY_IN_TOUCH:8f14...}.
 * The same letter or mentor, kind and threshold always give the same id, so replays and several instances
 * never make two of one reminder.
 *
 * <p>Rules are evaluated per subject, a letter or a mentor: {@code letter:<id>} or {@code mentor:<id>}.
 */
public final class ReminderIds {

    public static final String PLANNED = "planned";
    public static final String SHORT_NOTICE = "short-notice";

    private static final String LETTER_SUBJECT = "letter:";
    private static final String MENTOR_SUBJECT = "mentor:";

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

    /** A reminder id taken apart; {@code subjectId} is a letter id, or a mentor id for STAY_IN_TOUCH. */
    public record Parsed(ReminderKind kind, String subjectId, String qualifier) {

        public boolean isAboutMentor() {
            return kind == ReminderKind.STAY_IN_TOUCH;
        }

        public String subject() {
            return isAboutMentor() ? mentorSubject(subjectId) : letterSubject(subjectId);
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
