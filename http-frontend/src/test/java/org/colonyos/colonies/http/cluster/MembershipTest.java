package org.colonyos.colonies.http.cluster;

import static org.colonyos.colonies.http.cluster.TestCluster.SERVER_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.colonyos.colonies.config.PeerAddress;
import org.colonyos.colonies.http.Eventually;
import org.colonyos.colonies.proto.crypto.Identity;
import org.colonyos.colonies.proto.crypto.Secp256k1;
import org.colonyos.colonies.proto.model.Cluster;
import org.colonyos.colonies.proto.model.Colony;
import org.colonyos.colonies.proto.model.FunctionSpec;
import org.colonyos.colonies.sdk.ColoniesClient;
import org.colonyos.colonies.sdk.ColoniesException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Run-time membership changes through {@code addclustermembermsg} and {@code removeclustermembermsg}: a member
 * is added and another removed while submits keep flowing, and a node whose disk was replaced rejoins by remove
 * then add (java-stack.md P3: the leader would never resend a wiped log to the same member).
 */
@Timeout(120)
class MembershipTest {
    private final String colonyKey = Secp256k1.generatePrivateKey();
    private final String executorKey = Secp256k1.generatePrivateKey();

    @Test
    void aMemberIsAddedAndAnotherRemovedWhileSubmitsContinue(@TempDir Path dir) throws Exception {
        try (TestCluster cluster = TestCluster.start(3, dir)) {
            cluster.addColonyWithExecutor("grow", colonyKey, executorKey, 0, 1);
            Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
            Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
            AtomicBoolean running = new AtomicBoolean(true);
            // Through the two nodes that stay: a request in flight on a node being stopped has no known outcome.
            ColoniesClient submitter = cluster.clientOf(1, 2);
            CompletableFuture<Void> load = CompletableFuture.runAsync(() -> {
                while (running.get()) {
                    try {
                        acknowledged.add(submitter.submit(FunctionSpec.of("grow", "cli", "f", List.of()),
                                executorKey).processId());
                    } catch (RuntimeException e) {
                        failures.add(e);
                    }
                }
            });
            awaitCount(acknowledged, 20);

            int joined = cluster.startJoining("n4");
            PeerAddress n4 = cluster.address(joined);
            Cluster grown = cluster.client(1).addClusterMember("n4", n4.host(), n4.raftPort(), n4.httpPort(),
                    SERVER_KEY);
            assertEquals(List.of("n1", "n2", "n3", "n4"), names(grown));
            assertEquals(n4.httpPort(), grown.nodes().get(3).apiPort(), "the recorded API port is reported");
            int atAdd = acknowledged.size();
            awaitCount(acknowledged, atAdd + 20);

            Cluster shrunk = cluster.client(2).removeClusterMember("n1", SERVER_KEY);
            assertEquals(List.of("n2", "n3", "n4"), names(shrunk));
            cluster.stopNode(0);
            int atRemove = acknowledged.size();
            awaitCount(acknowledged, atRemove + 20);
            running.set(false);
            load.get(30, TimeUnit.SECONDS);

            assertEquals(List.of(), failures.stream().map(Throwable::toString).toList(), "no submit failed");
            ColoniesClient newcomer = cluster.client(joined);
            for (String processId : acknowledged) {
                assertEquals(processId, newcomer.getProcess(processId, executorKey).processId());
            }
            assertEquals(List.of("n2", "n3", "n4"), names(cluster.clusterSeenBy(joined)));
            assertTrue(List.of("n2", "n3", "n4").contains(cluster.clusterSeenBy(joined).leader().name()));
        }
    }

    @Test
    void changesAreRefusedToStrangersAndForUnknownOrExistingMembers(@TempDir Path dir) throws Exception {
        try (TestCluster cluster = TestCluster.start(3, dir)) {
            ColoniesClient client = cluster.client(0);
            assertEquals(403, status(() -> client.removeClusterMember("n2", Secp256k1.generatePrivateKey())));
            assertEquals(403, status(() -> client.addClusterMember("n9", "127.0.0.1", 1, 2,
                    Secp256k1.generatePrivateKey())));
            assertEquals(404, status(() -> client.removeClusterMember("n9", SERVER_KEY)));
            assertEquals(400, status(() -> client.addClusterMember("n2", "127.0.0.1", 1, 2, SERVER_KEY)));
            assertEquals(400, status(() -> client.addClusterMember("n9", "127.0.0.1", 0, 2, SERVER_KEY)));
            assertEquals(List.of("n1", "n2", "n3"), names(cluster.clusterSeenBy(0)));
        }
    }

    @Test
    void aNodeWithAReplacedDiskRejoinsByRemoveThenAdd(@TempDir Path dir) throws Exception {
        try (TestCluster cluster = TestCluster.start(3, dir)) {
            int leader = cluster.awaitLeader();
            int replaced = cluster.otherThan(leader);
            String owner = Identity.idOfPrivateKey(colonyKey);
            for (int i = 0; i < 10; i++) {
                cluster.client(leader).addColony(new Colony(owner, "before" + i), SERVER_KEY);
            }
            cluster.stopNode(replaced);
            cluster.wipe(replaced);
            String name = cluster.address(replaced).id();
            cluster.client(leader).removeClusterMember(name, SERVER_KEY);
            for (int i = 0; i < 10; i++) {
                cluster.client(leader).addColony(new Colony(owner, "after" + i), SERVER_KEY);
            }
            cluster.startNode(replaced);
            PeerAddress address = cluster.address(replaced);
            Cluster rejoined = cluster.client(leader).addClusterMember(name, address.host(), address.raftPort(),
                    address.httpPort(), SERVER_KEY);
            assertEquals(3, rejoined.nodes().size());
            assertEquals(20, TestCluster.retrying(() -> cluster.client(replaced).getColonies(SERVER_KEY)).size());
        }
    }

    private static List<String> names(Cluster cluster) {
        return cluster.nodes().stream().map(Cluster.Node::name).toList();
    }

    private static int status(Runnable call) {
        return assertThrows(ColoniesException.class, call::run).status();
    }

    private static void awaitCount(Queue<String> acknowledged, int count) throws InterruptedException {
        Eventually.until(Duration.ofSeconds(30), () -> acknowledged.size() >= count,
                () -> "only " + acknowledged.size() + " submits acknowledged, expected " + count);
    }
}
