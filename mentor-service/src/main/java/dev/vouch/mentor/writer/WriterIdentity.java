package dev.vouch.mentor.writer;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Which writer a mentor is. Within one institution, the mentors of different students that are the same person
 * are one writer: an advisor's link decides first, then the normalized email, else the mentor is a writer of
 * its own. Writer ids are name-based UUIDs of the institution and that key, so they are stable, reveal no email,
 * and never collide across institutions.
 */
public final class WriterIdentity {

    private WriterIdentity() {
    }

    public static String writerId(String tenant, String writerKey, String mentorId, String linkedTo) {
        if (linkedTo != null) {
            return linkedTo;
        }
        return writerKey != null ? ofEmail(tenant, writerKey) : ofMentor(tenant, mentorId);
    }

    static String ofEmail(String tenant, String writerKey) {
        return id(tenant + "\nemail:" + writerKey);
    }

    static String ofMentor(String tenant, String mentorId) {
        return id(tenant + "\nmentor:" + mentorId);
    }

    private static String id(String key) {
        return "w-" + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
    }
}
