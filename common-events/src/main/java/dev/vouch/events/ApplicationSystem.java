package dev.vouch.events;

/** The application service a target receives letters through. */
public enum ApplicationSystem {
    ERAS,
    AMCAS,
    AACOMAS,
    TMDSAS,
    RESIDENCYCAS,
    OTHER
}
