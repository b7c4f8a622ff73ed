package org.colonyos.colonies.sm.state;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.mapdb.DataInput2;
import org.mapdb.DataOutput2;
import org.mapdb.serializer.GroupSerializerObjectArray;

/**
 * B-tree key serializer for the store's string keys, lossless for every Java string: a key whose characters
 * all fit in one byte (ids, names, sort keys: nearly all) is written as its length and those bytes; any other
 * key as its length and its UTF-16 code units (lone surrogates included, which UTF-8 would mangle). MapDB's
 * own {@code Serializer.STRING} writes and reads every character as a packed int, and deserialising B-tree
 * nodes key by key was the largest single cost of apply (measured: a quarter of the apply thread). Keys still
 * compare as Java strings, so the order is unchanged.
 *
 * <p>Stateless and thread-safe.
 */
final class StringKeySerializer extends GroupSerializerObjectArray<String> {
    static final StringKeySerializer INSTANCE = new StringKeySerializer();

    private StringKeySerializer() {
    }

    @Override
    public void serialize(DataOutput2 out, String value) throws IOException {
        int length = value.length();
        if (fitsInBytes(value)) {
            out.packInt(length << 1);
            out.write(value.getBytes(StandardCharsets.ISO_8859_1));
            return;
        }
        out.packInt(length << 1 | 1);
        for (int i = 0; i < length; i++) {
            out.writeChar(value.charAt(i));
        }
    }

    private static boolean fitsInBytes(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) > 0xFF) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String deserialize(DataInput2 in, int available) throws IOException {
        int header = in.unpackInt();
        int length = header >>> 1;
        if ((header & 1) == 0) {
            byte[] bytes = new byte[length];
            in.readFully(bytes);
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = in.readChar();
        }
        return new String(chars);
    }

    @Override
    public boolean isTrusted() {
        return true;
    }
}
