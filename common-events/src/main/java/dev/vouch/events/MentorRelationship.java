package dev.vouch.events;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** How the student knows the mentor. Values added later decode as {@link #OTHER} in older subscribers. */
public enum MentorRelationship {
    FACULTY,
    CLINICIAN_SHADOWED,
    RESEARCH_PI,
    VOLUNTEER_SUPERVISOR,
    ALUMNUS,
    ORGANIZATION_CONTACT,
    @JsonEnumDefaultValue
    OTHER
}
