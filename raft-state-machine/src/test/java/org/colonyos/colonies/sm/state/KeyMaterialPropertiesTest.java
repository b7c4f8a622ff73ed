package org.colonyos.colonies.sm.state;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import java.util.Optional;
import org.colonyos.colonies.proto.model.Executor;
import org.colonyos.colonies.proto.wire.ExecutorPayloads;
import org.colonyos.colonies.proto.wire.Payload;
import org.colonyos.colonies.proto.wire.PayloadCodec;
import org.colonyos.colonies.proto.wire.PayloadException;
import org.colonyos.colonies.proto.wire.PayloadType;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * No message the decoder accepts yields index keys that another entity's lookup or prefix scan can hit: for
 * any two executors whose registration decodes, the keys of the executor tables (by colony and name; by id,
 * colony and name) are equal only for equal parts, and a prefix scan under one executor's id or colony finds
 * the other only when that part is the same. The parts are drawn from an alphabet rich in separators, control
 * characters and hex digits, as an attacker would choose them.
 */
class KeyMaterialPropertiesTest {
    private static final char[] ALPHABET = {'a', 'b', 'f', '0', '9', 'A', '\u0000', '\u0001', '\u001f', '\u007f',
        '\u0085', '-', ' ', 'é'};

    private static Gen<String> parts() {
        return lists().of(integers().between(0, ALPHABET.length - 1)).ofSizeBetween(0, 4)
                .map(indexes -> {
                    StringBuilder text = new StringBuilder();
                    indexes.forEach(i -> text.append(ALPHABET[i]));
                    return text.toString();
                });
    }

    private static Gen<Executor> executors() {
        return parts().zip(parts(), parts(), (id, name, colony) -> Executor.of(id, "cli", name, colony));
    }

    /** The executor as the server sees it after decoding its registration, or empty when it is refused. */
    private static Optional<Executor> accepted(Executor sent) {
        String encoded = PayloadCodec.encode(PayloadType.ADD_EXECUTOR, new ExecutorPayloads.AddExecutor(sent));
        try {
            Payload decoded = PayloadCodec.decode(PayloadType.ADD_EXECUTOR, encoded);
            return Optional.of(((ExecutorPayloads.AddExecutor) decoded).executor());
        } catch (PayloadException refused) {
            return Optional.empty();
        }
    }

    private static List<String> keys(Executor e) {
        return List.of(Table.key(e.colonyName(), e.executorName()),
                Table.key(e.executorId(), e.colonyName(), e.executorName()));
    }

    private static boolean under(String key, String... prefixParts) {
        return key.startsWith(Table.key(prefixParts) + Table.SEPARATOR);
    }

    @Test
    void acceptedKeyPartsNeverCollideOrLeakIntoAnotherScan() {
        qt().withExamples(3_000).withFixedSeed(19L).forAll(executors(), executors()).checkAssert((x, y) -> {
            Optional<Executor> a = accepted(x);
            Optional<Executor> b = accepted(y);
            if (a.isEmpty() || b.isEmpty()) {
                return;
            }
            Executor one = a.get();
            Executor two = b.get();
            boolean sameName = one.colonyName().equals(two.colonyName())
                    && one.executorName().equals(two.executorName());
            boolean sameId = sameName && one.executorId().equals(two.executorId());
            check(keys(one).get(0).equals(keys(two).get(0)) == sameName, "name keys", one, two);
            check(keys(one).get(1).equals(keys(two).get(1)) == sameId, "id keys", one, two);
            check(under(keys(two).get(1), one.executorId()) == one.executorId().equals(two.executorId()),
                    "a scan by id", one, two);
            check(under(keys(two).get(1), one.executorId(), one.colonyName())
                    == (one.executorId().equals(two.executorId()) && one.colonyName().equals(two.colonyName())),
                    "a scan by id and colony", one, two);
            check(under(keys(two).get(0), one.colonyName()) == one.colonyName().equals(two.colonyName()),
                    "a scan by colony", one, two);
        });
    }

    @Test
    void partsWithControlCharactersAreRefused() {
        qt().withExamples(1_000).withFixedSeed(23L).forAll(executors()).checkAssert(sent -> {
            boolean hostile = (sent.executorId() + sent.executorName() + sent.colonyName()).chars()
                    .anyMatch(Character::isISOControl);
            if (hostile) {
                check(accepted(sent).isEmpty(), "accepted a control character", sent, sent);
            }
        });
    }

    private static void check(boolean condition, String what, Executor one, Executor two) {
        if (!condition) {
            throw new AssertionError(what + " of " + one + " and " + two);
        }
    }
}
