package dev.vouch.kit.sample;

import dev.vouch.events.MentorAdded;
import dev.vouch.events.MentorArchived;
import dev.vouch.events.MentorRelationship;
import dev.vouch.events.VouchEvent;
import dev.vouch.kit.outbox.AggregateRoot;
import dev.vouch.kit.outbox.PendingEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.ArrayList;
import java.util.List;

@Document("sample_mentors")
public class SampleMentor extends AggregateRoot {

    @Id
    private String id;
    private String tenant;
    private String studentId;
    private String name;
    @Version
    private long version;
    /** What the outbox stamped, for tests to compare with what was published. */
    @Transient
    private final List<PendingEvent> stamped = new ArrayList<>();

    public SampleMentor() {
    }

    public SampleMentor(String id, String tenant, String studentId, String name) {
        this.id = id;
        this.tenant = tenant;
        this.studentId = studentId;
        this.name = name;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public String getTenant() {
        return tenant;
    }

    @Override
    public String getStudentId() {
        return studentId;
    }

    public String getName() {
        return name;
    }

    public void rename(String name) {
        this.name = name;
    }

    public SampleMentor added(MentorRelationship relationship) {
        registerEvent(new MentorAdded(id, name, null, null, null, relationship, null, 90));
        return this;
    }

    public void archive() {
        registerEvent(new MentorArchived(id));
    }

    @Override
    protected void recorded(VouchEvent event, PendingEvent stamped) {
        this.stamped.add(stamped);
    }

    public List<PendingEvent> stamped() {
        return List.copyOf(stamped);
    }

    public long getVersion() {
        return version;
    }
}
