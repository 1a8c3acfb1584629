package dev.vouch.kit.sample;

import dev.vouch.events.MentorAdded;
import dev.vouch.events.MentorArchived;
import dev.vouch.events.MentorRelationship;
import dev.vouch.events.VouchEvent;
import dev.vouch.kit.outbox.AggregateRoot;
import dev.vouch.kit.outbox.ListedByStudent;
import dev.vouch.kit.outbox.PendingEvent;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.ArrayList;
import java.util.List;

@Document("sample_mentors")
public class SampleMentor extends AggregateRoot implements ListedByStudent {

    private String name;
    @Version
    private long version;
    /** What the outbox stamped, for tests to compare with what was published. */
    @Transient
    private final List<PendingEvent> stamped = new ArrayList<>();

    public SampleMentor() {
    }

    public SampleMentor(String id, String tenant, String studentId, String name) {
        super(id, tenant, studentId);
        this.name = name;
    }




    public String getName() {
        return name;
    }

    public void rename(String name) {
        this.name = name;
    }

    public SampleMentor added(MentorRelationship relationship) {
        registerEvent(new MentorAdded(getId(), name, null, null, null, relationship, null, 90));
        return this;
    }

    public void archive() {
        registerEvent(new MentorArchived(getId()));
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
