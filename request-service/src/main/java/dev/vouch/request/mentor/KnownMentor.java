package dev.vouch.request.mentor;

import dev.vouch.events.MentorStatus;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What request-service knows of a mentor, from the events of {@code vouch.mentors}: whose mentor it is and
 * whether it is archived. {@code sequence} is the mentor's version in the last event applied; older events
 * are ignored, so redeliveries and replays never move an entry backwards.
 */
@Document(KnownMentor.COLLECTION)
public class KnownMentor {

    public static final String COLLECTION = "mentor_directory";

    @Id
    private String id;
    private String tenant;
    private String studentId;
    private String name;
    private MentorStatus status;
    private long sequence;

    KnownMentor() {
        // for the mapping
    }

    KnownMentor(String id, String tenant, String studentId, String name, MentorStatus status, long sequence) {
        this.id = id;
        this.tenant = tenant;
        this.studentId = studentId;
        this.name = name;
        this.status = status;
        this.sequence = sequence;
    }

    /** A mentor is one student's: letters may be asked of it only by that student of that institution. */
    public boolean belongsTo(String tenant, String studentId) {
        return this.tenant.equals(tenant) && this.studentId.equals(studentId);
    }

    public boolean isArchived() {
        return status == MentorStatus.ARCHIVED;
    }

    public String getId() {
        return id;
    }

    public String getTenant() {
        return tenant;
    }

    public String getStudentId() {
        return studentId;
    }

    /** Absent when only a MentorArchived has been seen so far. */
    public String getName() {
        return name;
    }

    public MentorStatus getStatus() {
        return status;
    }

    public long getSequence() {
        return sequence;
    }

    /** Whether both hold the same facts. */
    boolean sameAs(KnownMentor other) {
        return id.equals(other.id) && tenant.equals(other.tenant) && studentId.equals(other.studentId)
                && java.util.Objects.equals(name, other.name) && status == other.status && sequence == other.sequence;
    }
}
