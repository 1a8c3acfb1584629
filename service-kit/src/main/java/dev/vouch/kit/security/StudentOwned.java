package dev.vouch.kit.security;

/** A record that belongs to one student of one institution. */
public interface StudentOwned {

    String getTenant();

    String getStudentId();
}
