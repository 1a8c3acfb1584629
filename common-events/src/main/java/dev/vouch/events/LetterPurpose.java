package dev.vouch.events;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** What the letter is for. */
public enum LetterPurpose {
    MEDICAL_SCHOOL,
    RESIDENCY,
    FELLOWSHIP,
    SCHOLARSHIP,
    RESEARCH,
    @JsonEnumDefaultValue
    OTHER
}
