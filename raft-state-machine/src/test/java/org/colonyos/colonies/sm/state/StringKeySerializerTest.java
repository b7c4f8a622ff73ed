package org.colonyos.colonies.sm.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapdb.BTreeMap;
import org.mapdb.DB;
import org.mapdb.DBMaker;
import org.mapdb.Serializer;

/**
 * Keys written with {@link StringKeySerializer} come back unchanged and in Java string order, from a file
 * store reopened after a commit: one-byte keys, wide ones, lone surrogates and the separator included.
 */
class StringKeySerializerTest {
    @TempDir
    Path dir;

    private int run;

    private List<String> roundTrip(List<String> keys) {
        File file = dir.resolve("keys-" + run++ + ".db").toFile();
        try (DB db = DBMaker.fileDB(file).transactionEnable().make()) {
            BTreeMap<String, byte[]> map = db.treeMap("t", StringKeySerializer.INSTANCE, Serializer.BYTE_ARRAY)
                    .maxNodeSize(4).createOrOpen();
            keys.forEach(key -> map.put(key, new byte[] {1}));
            db.commit();
        }
        try (DB db = DBMaker.fileDB(file).transactionEnable().make()) {
            return new ArrayList<>(db.treeMap("t", StringKeySerializer.INSTANCE, Serializer.BYTE_ARRAY)
                    .createOrOpen().keySet());
        }
    }

    @Test
    void anyKeysComeBackUnchangedInStringOrder() {
        qt().withExamples(60).forAll(lists().of(strings().allPossible().ofLengthBetween(0, 12)).ofSizeBetween(0, 40))
                .checkAssert(keys -> {
                    TreeMap<String, Boolean> expected = new TreeMap<>();
                    keys.forEach(key -> expected.put(key, true));
                    assertEquals(new ArrayList<>(expected.keySet()), roundTrip(keys));
                });
    }

    @Test
    void edgeKeysSurvive() {
        List<String> keys = List.of("", "colony\u0000cli\u0000001", "\u00ff\u00e9", "\ud800", "x\udfff\ud83d\ude00",
                "\u4e2d\u6587", "a".repeat(300));
        TreeMap<String, Boolean> expected = new TreeMap<>();
        keys.forEach(key -> expected.put(key, true));
        assertEquals(new ArrayList<>(expected.keySet()), roundTrip(keys));
    }
}
