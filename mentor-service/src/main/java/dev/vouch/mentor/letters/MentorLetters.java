package dev.vouch.mentor.letters;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The letters asked of one mentor by one student, projected from {@code vouch.letters}: one keyed
 * sub-document per letter. Keyed by tenant, student and mentor (not by the mentor document), so an event that
 * arrives before its mentor, or names another tenant's mentor, never touches anything else.
 */
@Document(MentorLetters.COLLECTION)
public record MentorLetters(@Id String id, String tenant, String studentId, String mentorId,
                            Map<String, LetterState> letters) {

    public static final String COLLECTION = "mentor_letters";

    public MentorLetters {
        letters = letters == null ? Map.of() : Map.copyOf(letters);
    }

    public static String key(String tenant, String studentId, String mentorId) {
        return tenant + "/" + studentId + "/" + mentorId;
    }

    /** A letter id as a MongoDB field name: dots and a leading {@code $} would be read as paths and operators. */
    public static String field(String letterId) {
        return URLEncoder.encode(letterId, StandardCharsets.UTF_8).replace(".", "%2E");
    }

    public LetterHistory history() {
        return LetterHistory.of(letters.values());
    }
}
