package dev.vouch.local;

import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Documents as the store file keeps them, one after another in a page. */
class BsonDocumentTypeTest {

    record Unencodable(String value) implements Serializable {
    }

    @Test
    void documentsReadBackInTurnIncludingOneBsonHasNoTypeFor() {
        Document first = new Document("_id", "a").append("at", Instant.parse("2026-12-02T10:15:30Z"))
                .append("list", List.of(1L, "two", new Document("three", 3.0)));
        Document odd = new Document("_id", "b").append("value", new Unencodable("kept"));
        Document last = new Document("_id", "c");
        WriteBuffer out = new WriteBuffer();
        for (Document document : List.of(first, odd, last)) {
            BsonDocumentType.INSTANCE.write(out, document);
        }
        ByteBuffer in = out.getBuffer().flip();
        assertThat(BsonDocumentType.INSTANCE.read(in)).isEqualTo(first);
        assertThat(BsonDocumentType.INSTANCE.read(in)).isEqualTo(odd);
        assertThat(BsonDocumentType.INSTANCE.read(in)).isEqualTo(last);
        assertThat(in.hasRemaining()).isFalse();
    }

    @Test
    void aDocumentsMemoryGrowsWithWhatItHolds() {
        int small = BsonDocumentType.INSTANCE.getMemory(new Document("_id", "a"));
        int large = BsonDocumentType.INSTANCE.getMemory(new Document("_id", "a").append("text", "x".repeat(1000)));
        assertThat(large - small).isGreaterThan(1000);
    }
}
