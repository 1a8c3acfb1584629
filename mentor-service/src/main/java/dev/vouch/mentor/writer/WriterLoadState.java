package dev.vouch.mentor.writer;

import dev.vouch.events.WriterLoadEased;
import dev.vouch.events.WriterOverloaded;
import dev.vouch.kit.outbox.AggregateRoot;
import dev.vouch.kit.outbox.ListedByStudent;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * Whether a writer was last announced as overloaded, so that crossing the threshold is announced once
 * ({@code WriterOverloaded}) and going back under it once ({@code WriterLoadEased}). Writer events belong to no
 * student: the writer id is their key and stands in the {@code studentid} attribute.
 */
@Document(WriterLoadState.COLLECTION)
public class WriterLoadState extends AggregateRoot implements ListedByStudent {

    public static final String COLLECTION = "writer_load";

    private boolean overloaded;
    private Instant changedAt;
    @Version
    private Long version;

    WriterLoadState() {
        // for the mapping
    }

    /** Writer events belong to no student: the writer id stands where a student id would. */
    private WriterLoadState(String tenant, String writerId) {
        super(writerId, tenant, writerId);
    }

    static WriterLoadState of(String tenant, String writerId) {
        return new WriterLoadState(tenant, writerId);
    }

    /** Takes the writer's load now; @return whether that crossed the threshold one way or the other */
    boolean observe(WriterLoad load, int threshold, Instant now) {
        boolean high = load.load() == LoadLevel.HIGH;
        if (high == overloaded) {
            return false;
        }
        overloaded = high;
        changedAt = now;
        registerEvent(high
                ? new WriterOverloaded(getId(), load.name(), load.openLetters(), load.dueWithin14Days(), threshold,
                        load.earliestDeadline())
                : new WriterLoadEased(getId(), load.name(), load.openLetters(), load.dueWithin14Days(), threshold));
        return true;
    }

    public boolean isOverloaded() {
        return overloaded;
    }
}
