package dev.vouch.local;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.UUID;

/**
 * How a unique index's keys are kept in the store file: a key's values one after the other, each in H2's own
 * typed form, compared value by value. The library's default keeps the key as one serialized Java object, which
 * the B-tree serializes again for every comparison of a lookup: two thirds of the store's time under load.
 */
final class KeyValueType extends BasicDataType<KeyValue> {

    static final KeyValueType INSTANCE = new KeyValueType();

    private final ObjectDataType values = new ObjectDataType();

    private KeyValueType() {
    }

    @Override
    public int compare(KeyValue a, KeyValue b) {
        int shared = Math.min(a.size(), b.size());
        for (int i = 0; i < shared; i++) {
            int order = compareValues(a.get(i), b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /**
     * One value of a key against another, in the order the keys are kept: H2's order for its own types; values
     * it keeps as serialized Java objects (dates among them: the library decodes them as {@link Instant}s)
     * after all of those, and among themselves as H2 orders them. H2 compares those through a type it caches in
     * the data type and shares between threads, so two of the wire server's threads at once can make it refuse
     * a comparison ("Can not compare"); they are compared here instead.
     */
    int compareValues(Object a, Object b) {
        if (a == null || b == null) {
            return a == b ? 0 : a == null ? -1 : 1;
        }
        boolean serializedA = serialized(a);
        boolean serializedB = serialized(b);
        if (!serializedA && !serializedB) {
            return values.compare(a, b);
        }
        if (serializedA != serializedB) {
            return serializedA ? 1 : -1;
        }
        return compareSerialized(a, b);
    }

    /** Whether H2 keeps a value as a serialized Java object: anything but its own types. */
    private static boolean serialized(Object value) {
        return !(value instanceof String || value instanceof Long || value instanceof Double || value instanceof Integer
                || value instanceof Boolean || value instanceof Float || value instanceof UUID || value instanceof Byte
                || value instanceof Short || value instanceof Character || value instanceof BigInteger
                || value instanceof BigDecimal || value instanceof Date || value.getClass().isArray());
    }

    /** As H2 compares two serialized objects: by their own order when one's class takes the other, else by bytes. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareSerialized(Object a, Object b) {
        if (a instanceof Comparable comparable && a.getClass().isAssignableFrom(b.getClass())) {
            return comparable.compareTo(b);
        }
        if (b instanceof Comparable comparable && b.getClass().isAssignableFrom(a.getClass())) {
            return -comparable.compareTo(a);
        }
        return ObjectDataType.compareNotNull(ObjectDataType.serialize(a), ObjectDataType.serialize(b));
    }

    @Override
    public int getMemory(KeyValue key) {
        int memory = 24;
        for (Object value : key) {
            memory += value == null ? 8 : values.getMemory(value);
        }
        return memory;
    }

    @Override
    public void write(WriteBuffer buffer, KeyValue key) {
        buffer.putVarInt(key.size());
        for (Object value : key) {
            values.write(buffer, value);
        }
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
        Object[] read = new Object[DataUtils.readVarInt(buffer)];
        for (int i = 0; i < read.length; i++) {
            read[i] = values.read(buffer);
        }
        return new KeyValue(Arrays.asList(read));
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }
}
