package dev.vouch.events;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** Where the student met the mentor. */
public enum MentorSource {
    CURRENT_NETWORK,
    PROFESSIONAL_ORGANIZATION,
    NETWORKING_EVENT,
    SOCIAL_MEDIA,
    ALUMNI,
    @JsonEnumDefaultValue
    OTHER
}
