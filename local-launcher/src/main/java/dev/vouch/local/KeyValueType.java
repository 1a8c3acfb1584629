package dev.vouch.local;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;
import java.util.Arrays;

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

    /** One value of a key against another, in the order the keys are kept. */
    int compareValues(Object a, Object b) {
        if (a == null || b == null) {
            return a == b ? 0 : a == null ? -1 : 1;
        }
        return values.compare(a, b);
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
