package org.colonyos.colonies.http.cluster;

import static org.colonyos.colonies.http.cluster.TestCluster.SERVER_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.colonyos.colonies.http.Eventually;
import org.colonyos.colonies.proto.crypto.Identity;
import org.colonyos.colonies.proto.crypto.Secp256k1;
import org.colonyos.colonies.proto.model.ChannelEntry;
import org.colonyos.colonies.proto.model.Colony;
import org.colonyos.colonies.proto.model.FunctionSpec;
import org.colonyos.colonies.proto.model.ColonyProcess;
import org.colonyos.colonies.sdk.ColoniesClient;
import org.colonyos.colonies.sdk.ColoniesException;
import org.colonyos.colonies.sdk.Subscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Channels are replicated: on three nodes, a message appended through one node is read through another and
 * streamed to a subscriber on the third, and everything acknowledged is still there after the leader stops.
 */
@Timeout(120)
class ChannelClusterTest {
    private static final String COLONY = "talk";

    @Test
    void aChannelIsTheSameOnEveryNodeAndOutlivesItsLeader(@TempDir Path dir) throws Exception {
        try (TestCluster cluster = TestCluster.start(3, dir)) {
            String colonyKey = Secp256k1.generatePrivateKey();
            cluster.client(0).addColony(new Colony(Identity.idOfPrivateKey(colonyKey), COLONY), SERVER_KEY);
            String key = cluster.registerExecutor(COLONY, colonyKey, "talker");
            ColoniesClient first = cluster.client(0);
            ColonyProcess process = first.submit(FunctionSpec.of(COLONY, "nobody", "f", List.of())
                    .withChannels(List.of("chat")), key);
            String id = process.processId();
            List<ChannelEntry> streamed = Collections.synchronizedList(new ArrayList<>());
            Subscription subscription = TestCluster.retrying(() -> cluster.client(2).subscribeChannel(id, "chat", 0,
                    60, key, streamed::add));
            for (int i = 1; i <= 5; i++) {
                first.appendToChannel(id, "chat", i, 0, ("m" + i).getBytes(StandardCharsets.UTF_8), "", key);
            }
            List<ChannelEntry> onSecond = cluster.client(1).readChannel(id, "chat", 0, 0, key);
            assertEquals(List.of("m1", "m2", "m3", "m4", "m5"), texts(onSecond), "read through another node");
            Eventually.until(Duration.ofSeconds(20), () -> streamed.size() == 5, () -> "streamed: " + streamed);
            assertEquals(onSecond, List.copyOf(streamed), "streamed on the third node, in order");

            int leader = cluster.awaitLeader();
            subscription.close();
            cluster.stopNode(leader);
            ColoniesClient survivor = cluster.client(cluster.otherThan(leader));
            List<ChannelEntry> after = Eventually.value(Duration.ofSeconds(60), () -> readable(survivor, id, key),
                    () -> "the channel was not readable after the leader stopped");
            assertEquals(onSecond, after, "everything acknowledged survived");
            survivor.appendToChannel(id, "chat", 6, 0, "m6".getBytes(StandardCharsets.UTF_8), "", key);
            assertEquals(6, survivor.readChannel(id, "chat", 0, 0, key).size());
        }
    }

    private static Optional<List<ChannelEntry>> readable(ColoniesClient client, String id, String key) {
        try {
            return Optional.of(client.readChannel(id, "chat", 0, 0, key));
        } catch (ColoniesException unavailable) {
            return Optional.empty();
        }
    }

    private static List<String> texts(List<ChannelEntry> entries) {
        return entries.stream().map(e -> new String(e.payload(), StandardCharsets.UTF_8)).toList();
    }
}
