package dev.vouch.events;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** The kind of contact logged with a mentor. A {@link #THANK_YOU} settles a thank-you owed. */
public enum ContactType {
    MEETING,
    EMAIL,
    CALL,
    EVENT,
    UPDATE_SENT,
    THANK_YOU,
    ADVICE,
    @JsonEnumDefaultValue
    OTHER
}
