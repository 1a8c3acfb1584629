package dev.vouch.events;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The catalogue: every event record with its CloudEvents type ({@code dev.vouch.<Name>.v<major>}) and topic.
 */
public enum EventType {
    MENTOR_ADDED(MentorAdded.class, Topics.MENTORS, 1),
    MENTOR_UPDATED(MentorUpdated.class, Topics.MENTORS, 1),
    MENTOR_ARCHIVED(MentorArchived.class, Topics.MENTORS, 1),
    CONTACT_LOGGED(ContactLogged.class, Topics.MENTORS, 1),
    LETTER_REQUESTED(LetterRequested.class, Topics.LETTERS, 1),
    LETTER_ACCEPTED(LetterAccepted.class, Topics.LETTERS, 1),
    LETTER_DECLINED(LetterDeclined.class, Topics.LETTERS, 1),
    LETTER_SUBMITTED(LetterSubmitted.class, Topics.LETTERS, 1),
    LETTER_CANCELLED(LetterCancelled.class, Topics.LETTERS, 1),
    LETTER_DEADLINE_CHANGED(LetterDeadlineChanged.class, Topics.LETTERS, 1),
    LETTER_MATERIALS_SHARED(LetterMaterialsShared.class, Topics.LETTERS, 1),
    TARGET_COVERAGE_CHANGED(TargetCoverageChanged.class, Topics.LETTERS, 1),
    DEADLINE_APPROACHING(DeadlineApproaching.class, Topics.REMINDERS, 1),
    REMINDER_DUE(ReminderDue.class, Topics.REMINDERS, 1),
    REMINDER_RESOLVED(ReminderResolved.class, Topics.REMINDERS, 1),
    REMINDER_SNOOZED(ReminderSnoozed.class, Topics.REMINDERS, 1),
    WRITER_OVERLOADED(WriterOverloaded.class, Topics.WRITERS, 1),
    WRITER_LOAD_EASED(WriterLoadEased.class, Topics.WRITERS, 1);

    private static final Map<String, EventType> BY_CE_TYPE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::ceType, Function.identity()));
    private static final Map<Class<?>, EventType> BY_CLASS =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::recordClass, Function.identity()));

    private final Class<? extends VouchEvent> recordClass;
    private final String topic;
    private final int majorVersion;

    EventType(Class<? extends VouchEvent> recordClass, String topic, int majorVersion) {
        this.recordClass = recordClass;
        this.topic = topic;
        this.majorVersion = majorVersion;
    }

    public Class<? extends VouchEvent> recordClass() {
        return recordClass;
    }

    /** The record's simple name, e.g. {@code MentorAdded}: a low-cardinality metric tag. */
    public String eventName() {
        return recordClass.getSimpleName();
    }

    public String topic() {
        return topic;
    }

    public int majorVersion() {
        return majorVersion;
    }

    /** The CloudEvents {@code type} attribute, e.g. {@code dev.vouch.MentorAdded.v1}. */
    public String ceType() {
        return "dev.vouch." + eventName() + ".v" + majorVersion;
    }

    public static EventType of(VouchEvent event) {
        return of(event.getClass());
    }

    public static EventType of(Class<?> recordClass) {
        EventType type = BY_CLASS.get(recordClass);
        if (type == null) {
            throw new IllegalArgumentException("Not a Vouch event: " + recordClass.getName());
        }
        return type;
    }

    public static Optional<EventType> fromCeType(String ceType) {
        return Optional.ofNullable(ceType).map(BY_CE_TYPE::get);
    }

    public static List<EventType> onTopic(String topic) {
        return Arrays.stream(values()).filter(t -> t.topic.equals(topic)).toList();
    }
}
