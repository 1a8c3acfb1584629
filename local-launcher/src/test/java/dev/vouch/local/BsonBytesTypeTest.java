package dev.vouch.local;

import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Documents as the store's pages hold them, one after another. */
class BsonBytesTypeTest {

    @Test
    void documentsReadBackInTurn() {
        Document first = new Document("_id", "a").append("at", Instant.parse("2026-12-02T10:15:30Z"))
                .append("list", List.of(1L, "two", new Document("three", 3.0)));
        Document second = new Document("_id", "b").append("text", "Dr. Ada Lovelace — “thank you”");
        Document last = new Document("_id", "c");
        WriteBuffer out = new WriteBuffer();
        for (Document document : List.of(first, second, last)) {
            BsonBytesType.INSTANCE.write(out, BsonBytesType.encode(document));
        }
        ByteBuffer in = out.getBuffer().flip();
        assertThat(BsonBytesType.decode(BsonBytesType.INSTANCE.read(in))).isEqualTo(first);
        assertThat(BsonBytesType.decode(BsonBytesType.INSTANCE.read(in))).isEqualTo(second);
        assertThat(BsonBytesType.decode(BsonBytesType.INSTANCE.read(in))).isEqualTo(last);
        assertThat(in.hasRemaining()).isFalse();
    }

    @Test
    void eachReadIsACopyOfItsOwn() {
        byte[] stored = BsonBytesType.encode(new Document("_id", "a").append("nested", new Document("n", 1)));
        Document read = BsonBytesType.decode(stored);
        ((Document) read.get("nested")).put("n", 2);
        assertThat((Document) BsonBytesType.decode(stored).get("nested")).containsEntry("n", 1);
    }

    @Test
    void aDocumentTheEarlierFormatKeptSerializedIsReadAsBson() {
        Document kept = new Document("_id", "a").append("n", 1);
        WriteBuffer out = new WriteBuffer();
        out.put((byte) 1);
        new ObjectDataType().write(out, kept);
        ByteBuffer in = out.getBuffer().flip();
        assertThat(BsonBytesType.decode(BsonBytesType.INSTANCE.read(in))).isEqualTo(kept);
        assertThat(in.hasRemaining()).isFalse();
    }

    @Test
    void anUnknownMarkerIsRefusedRatherThanMisread() {
        ByteBuffer in = ByteBuffer.wrap(new byte[] {7, 5, 0, 0, 0, 0});
        assertThatThrownBy(() -> BsonBytesType.INSTANCE.read(in)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("marker 7");
    }

    @Test
    void aDocumentsMemoryIsItsEncodedSize() {
        byte[] small = BsonBytesType.encode(new Document("_id", "a"));
        byte[] large = BsonBytesType.encode(new Document("_id", "a").append("text", "x".repeat(1000)));
        assertThat(BsonBytesType.INSTANCE.getMemory(large) - BsonBytesType.INSTANCE.getMemory(small))
                .isBetween(1000, 1100);
    }
}
