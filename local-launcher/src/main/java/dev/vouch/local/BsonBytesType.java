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
import java.util.Arrays;

/**
 * A collection's documents as the store keeps them, in its page cache and in its file alike: their BSON, the
 * form they arrive in on the wire. Writing a changed page then copies each document's bytes, where encoding
 * each decoded document again (every document of the page, for one that changed) took most of the group
 * commit's time; and the page cache holds documents at their encoded size.
 *
 * <p>In the file each document is one marker byte, then its BSON (the layout of the store's earlier format,
 * which kept decoded documents in memory, so its files read unchanged; a document it kept Java-serialized is
 * read and encoded).
 */
final class BsonBytesType extends BasicDataType<byte[]> {

    static final BsonBytesType INSTANCE = new BsonBytesType();

    private static final byte BSON = 0;
    /** The earlier format's marker for a document it kept Java-serialized (its fallback for what BSON cannot hold). */
    private static final byte SERIALIZED = 1;
    /** A buffer above this size is not kept for the next encoding. */
    private static final int KEPT_BUFFER = 1 << 20;
    private static final ThreadLocal<ByteBuf> BUFFERS = ThreadLocal.withInitial(() -> Unpooled.buffer(4096));

    private BsonBytesType() {
    }

    static byte[] encode(Document document) {
        ByteBuf buffer = BUFFERS.get();
        buffer.clear();
        try {
            BsonEncoder.encodeDocument(document, buffer);
            return Arrays.copyOfRange(buffer.array(), buffer.arrayOffset() + buffer.readerIndex(),
                    buffer.arrayOffset() + buffer.writerIndex());
        } finally {
            if (buffer.capacity() > KEPT_BUFFER) {
                BUFFERS.remove();
            }
        }
    }

    static Document decode(byte[] bson) {
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    @Override
    public void write(WriteBuffer out, byte[] bson) {
        out.put(BSON).put(bson);
    }

    @Override
    public byte[] read(ByteBuffer in) {
        byte marker = in.get();
        if (marker == SERIALIZED) {
            return encode((Document) new ObjectDataType().read(in));
        }
        if (marker != BSON) {
            throw new IllegalStateException("Unknown document marker " + marker + " in the store file");
        }
        int length = Integer.reverseBytes(in.getInt(in.position())); // BSON's own length prefix, little-endian
        byte[] bson = new byte[length];
        in.get(bson);
        return bson;
    }

    /** Documents are only compared for equality (a conditional replace). */
    @Override
    public int compare(byte[] a, byte[] b) {
        return Arrays.equals(a, b) ? 0 : 1;
    }

    @Override
    public int getMemory(byte[] bson) {
        return 16 + bson.length;
    }

    @Override
    public byte[][] createStorage(int size) {
        return new byte[size][];
    }
}
