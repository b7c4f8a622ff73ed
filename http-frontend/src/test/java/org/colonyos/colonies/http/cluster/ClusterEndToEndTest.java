package org.colonyos.colonies.http.cluster;

import static org.colonyos.colonies.http.cluster.TestCluster.SERVER_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.colonyos.colonies.http.Eventually;
import org.colonyos.colonies.http.Probes;
import org.colonyos.colonies.proto.crypto.Secp256k1;
import org.colonyos.colonies.proto.model.Cluster;
import org.colonyos.colonies.proto.model.FunctionSpec;
import org.colonyos.colonies.proto.model.ColonyProcess;
import org.colonyos.colonies.proto.model.ProcessState;
import org.colonyos.colonies.sdk.ColoniesClient;
import org.colonyos.colonies.sdk.ColoniesException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A three-node cluster in one JVM: every node serves everything. Writes sent to followers are forwarded,
 * followers serve linearizable reads, long-polls and subscriptions on a node are woken by that node's own
 * apply, {@code getclustermsg} reports members and leader, and after the leader stops a new one is elected and
 * acknowledged writes survive. The leader-stop test runs last.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(120)
class ClusterEndToEndTest {
    private final String colonyKey = Secp256k1.generatePrivateKey();
    private final String executorKey = Secp256k1.generatePrivateKey();
    private TestCluster cluster;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        cluster = TestCluster.start(3, dir);
    }

    @AfterAll
    void stop() throws Exception {
        cluster.close();
    }

    /** A colony created through one follower, with an approved executor registered through another. */
    private String colony(String name) throws InterruptedException {
        int leader = cluster.awaitLeader();
        int a = cluster.otherThan(leader);
        cluster.addColonyWithExecutor(name, colonyKey, executorKey, a, cluster.otherThan(leader, a));
        return name;
    }

    @Test
    @Order(1)
    void everyNodeReportsTheMembersAndTheSameLeader() throws Exception {
        int leader = cluster.awaitLeader();
        String leaderName = "n" + (leader + 1);
        for (int i = 0; i < cluster.size(); i++) {
            Cluster seen = cluster.clusterSeenBy(i);
            assertEquals(List.of("n1", "n2", "n3"), seen.nodes().stream().map(Cluster.Node::name).toList());
            assertNotNull(seen.leader(), "node " + i + " knows the leader");
            assertEquals(leaderName, seen.leader().name());
            assertEquals(cluster.server(i).httpPort(), seen.nodes().get(i).apiPort());
        }
        ColoniesException stranger = assertThrows(ColoniesException.class,
                () -> cluster.client(0).getCluster(Secp256k1.generatePrivateKey()));
        assertEquals(403, stranger.status());
    }

    @Test
    @Order(2)
    void writesOnFollowersAreForwardedAndOtherFollowersReadThemAtOnce() throws Exception {
        String colony = colony("forwarded");
        int leader = cluster.awaitLeader();
        int a = cluster.otherThan(leader);
        int b = cluster.otherThan(leader, a);
        for (int i = 0; i < 20; i++) {
            ColonyProcess submitted = cluster.client(a).submit(FunctionSpec.of(colony, "cli", "f" + i, List.of()),
                    executorKey);
            ColonyProcess read = cluster.client(b).getProcess(submitted.processId(), executorKey);
            assertEquals(submitted.processId(), read.processId(), "linearizable read on another follower");
        }
        assertEquals(20, cluster.client(leader).getProcesses(colony, ProcessState.WAITING, 100, "", "", "",
                executorKey).size());
    }

    @Test
    @Order(3)
    void aLongPollOnOneNodeIsWokenByASubmitOnAnother() throws Exception {
        String colony = colony("woken");
        int leader = cluster.awaitLeader();
        int waiterNode = cluster.otherThan(leader);
        int submitNode = cluster.otherThan(leader, waiterNode);
        ColoniesClient waiting = cluster.client(waiterNode);
        CompletableFuture<ColonyProcess> assigned = CompletableFuture.supplyAsync(() ->
                waiting.assign(colony, 30, "", "", executorKey));
        Eventually.until(Duration.ofSeconds(10), () -> cluster.server(waiterNode).waiters().waiting() > 0,
                () -> "no assign waits on node " + waiterNode);
        assertEquals(1, cluster.server(waiterNode).waiters().waiting(), "the assign waits on its own node");
        long submitted = System.nanoTime();
        ColonyProcess process = cluster.client(submitNode).submit(FunctionSpec.of(colony, "cli", "f", List.of()),
                executorKey);
        assertEquals(process.processId(), assigned.get(20, TimeUnit.SECONDS).processId());
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - submitted) < 5_000);
        CompletableFuture<Optional<ColonyProcess>> done = CompletableFuture.supplyAsync(() -> cluster.client(submitNode)
                .waitForProcess(colony, process.processId(), ProcessState.SUCCESS, 30, executorKey));
        Eventually.until(Duration.ofSeconds(10), () -> cluster.server(submitNode).subscriptions().count() > 0,
                () -> "no subscription on node " + submitNode);
        assertEquals(1, cluster.server(submitNode).subscriptions().count(), "the subscription is on its own node");
        waiting.closeSuccessful(process.processId(), List.of("ok"), executorKey);
        assertEquals(List.of("ok"), done.get(20, TimeUnit.SECONDS).orElseThrow().out());
    }

    @Test
    @Order(4)
    void aBodyThatGrowsWhenReEncodedMovesNoLeader() throws Exception {
        String colony = colony("expanding");
        int leader = cluster.awaitLeader();
        long term = cluster.server(leader).node().currentTerm();
        for (int node : new int[] {leader, cluster.otherThan(leader)}) {
            HttpResponse<String> reply = Probes.post(cluster.server(node).url(),
                    Probes.expandingSubmit(colony, executorKey));
            assertEquals(200, reply.statusCode(), reply.body().substring(0, Math.min(300, reply.body().length())));
        }
        ColonyProcess after = cluster.client(cluster.otherThan(leader)).submit(FunctionSpec.of(colony, "cli", "after",
                List.of()), executorKey);
        assertEquals("after", after.spec().funcName());
        assertEquals(leader, cluster.awaitLeader(), "the leader moved");
        assertEquals(term, cluster.server(leader).node().currentTerm(), "an election was held");
    }

    @Test
    @Order(10)
    void afterTheLeaderStopsANewOneIsElectedAndAcknowledgedWritesSurvive() throws Exception {
        String colony = colony("failover");
        int leader = cluster.awaitLeader();
        ColonyProcess before = cluster.client(leader).submit(FunctionSpec.of(colony, "cli", "before", List.of()),
                executorKey);
        cluster.stopNode(leader);
        long stopped = System.nanoTime();
        int newLeader = cluster.awaitLeader();
        long electedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopped);
        assertTrue(newLeader != leader);
        int survivor = cluster.otherThan(newLeader);
        ColoniesClient failingOver = cluster.clientOf(leader, survivor);
        ColonyProcess after = TestCluster.retrying(() -> failingOver.submit(FunctionSpec.of(colony, "cli", "after",
                List.of()),
                executorKey));
        assertEquals(before.processId(), cluster.client(survivor).getProcess(before.processId(), executorKey)
                .processId());
        cluster.startNode(leader);
        ColonyProcess caughtUp = TestCluster.retrying(() -> cluster.client(leader).getProcess(after.processId(),
                executorKey));
        assertEquals(after.processId(), caughtUp.processId());
        System.out.printf("leader stopped: new leader agreed after %d ms%n", electedMillis);
    }
}
