package dev.vouch.local;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;

/**
 * How a collection's documents are kept in the store file: as BSON, the form they arrive in on the wire. The
 * library's default serializes each document as a Java object graph (class descriptors included) whenever a
 * changed page is written, which was a quarter of the store's time under load, and twice the bytes.
 *
 * <p>A value the BSON encoder has no type for (none are known: documents come from the wire or from update
 * operators on them) is kept Java-serialized behind its own marker rather than failing the commit.
 */
final class BsonDocumentType extends BasicDataType<Document> {

    static final BsonDocumentType INSTANCE = new BsonDocumentType();

    private static final byte BSON = 0;
    private static final byte SERIALIZED = 1;
    /** A buffer above this size is not kept for the next write. */
    private static final int KEPT_BUFFER = 1 << 20;

    private final ObjectDataType fallback = new ObjectDataType();
    private final ThreadLocal<ByteBuf> buffers = ThreadLocal.withInitial(() -> Unpooled.buffer(4096));

    private BsonDocumentType() {
    }

    @Override
    public void write(WriteBuffer out, Document document) {
        ByteBuf encoded = buffers.get();
        encoded.clear();
        try {
            BsonEncoder.encodeDocument(document, encoded);
        } catch (RuntimeException unencodable) {
            out.put(SERIALIZED);
            fallback.write(out, document);
            return;
        } finally {
            if (encoded.capacity() > KEPT_BUFFER) {
                buffers.remove();
            }
        }
        out.put(BSON);
        out.put(encoded.array(), encoded.arrayOffset() + encoded.readerIndex(), encoded.readableBytes());
    }

    @Override
    public Document read(ByteBuffer in) {
        if (in.get() == SERIALIZED) {
            return (Document) fallback.read(in);
        }
        int start = in.position();
        int length = Integer.reverseBytes(in.getInt(start)); // BSON's own length prefix, little-endian
        Document document = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(in.slice(start, length)));
        in.position(start + length);
        return document;
    }

    /** Documents are only compared for equality (a conditional replace). */
    @Override
    public int compare(Document a, Document b) {
        return a.equals(b) ? 0 : 1;
    }

    /** What the decoded document takes on the heap, estimated: the page cache is sized by it. */
    @Override
    public int getMemory(Document document) {
        return memoryOf(document);
    }

    private static int memoryOf(Object value) {
        if (value instanceof Map<?, ?> map) {
            int memory = 64;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                memory += 48 + memoryOf(entry.getKey()) + memoryOf(entry.getValue());
            }
            return memory;
        }
        if (value instanceof Collection<?> values) {
            int memory = 40;
            for (Object element : values) {
                memory += 8 + memoryOf(element);
            }
            return memory;
        }
        if (value instanceof String text) {
            return 48 + text.length();
        }
        if (value instanceof byte[] bytes) {
            return 24 + bytes.length;
        }
        return value == null ? 0 : 24;
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
