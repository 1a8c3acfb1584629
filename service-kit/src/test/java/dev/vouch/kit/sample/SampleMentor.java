package dev.vouch.kit.sample;

import dev.vouch.kit.outbox.OutboxDocument;
import dev.vouch.kit.outbox.PendingEvent;
import dev.vouch.kit.security.StudentOwned;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.ArrayList;
import java.util.List;

@Document("sample_mentors")
public class SampleMentor implements OutboxDocument, StudentOwned {

    @Id
    private String id;
    private String tenant;
    private String studentId;
    private String name;
    @Version
    private long version;
    private List<PendingEvent> pendingEvents = new ArrayList<>();

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

    public long getVersion() {
        return version;
    }

    @Override
    public List<PendingEvent> getPendingEvents() {
        return pendingEvents;
    }
}
