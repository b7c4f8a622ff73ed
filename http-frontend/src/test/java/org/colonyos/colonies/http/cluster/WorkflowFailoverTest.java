package org.colonyos.colonies.http.cluster;

import static org.colonyos.colonies.http.cluster.TestCluster.SERVER_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.colonyos.colonies.http.Eventually;
import org.colonyos.colonies.proto.crypto.Identity;
import org.colonyos.colonies.proto.crypto.Secp256k1;
import org.colonyos.colonies.proto.model.Colony;
import org.colonyos.colonies.proto.model.FunctionSpec;
import org.colonyos.colonies.proto.model.ColonyProcess;
import org.colonyos.colonies.proto.model.ProcessGraph;
import org.colonyos.colonies.proto.model.ProcessState;
import org.colonyos.colonies.proto.model.WorkflowSpec;
import org.colonyos.colonies.sdk.ColoniesClient;
import org.colonyos.colonies.sdk.ColoniesException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workflow submitted through one node runs with executors long-polling on the two others while the leader
 * stops in the middle of the graph: the graph still ends successfully, each child starts only after its parents
 * ended, each child's input is its parents' outputs, and every process ran once, or once more per retry its
 * lost assignment cost (a lost assignment expires through {@code maxexectime}).
 */
@Timeout(120)
class WorkflowFailoverTest {
    private static final String COLONY = "flow";
    private static final int LEVELS = 4;
    private static final int WIDTH = 3;

    private final String colonyKey = Secp256k1.generatePrivateKey();
    private final Queue<String> assignments = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean executing = new AtomicBoolean(true);

    @Test
    void aWorkflowOutlivesItsLeader(@TempDir Path dir) throws Exception {
        try (TestCluster cluster = TestCluster.start(3, dir)) {
            cluster.client(0).addColony(new Colony(Identity.idOfPrivateKey(colonyKey), COLONY), SERVER_KEY);
            List<CompletableFuture<Void>> executors = new ArrayList<>();
            for (int i = 1; i <= 2; i++) {
                String key = register(cluster, "worker" + i);
                ColoniesClient client = cluster.clientOf(i, 3 - i, 0);
                String name = "worker" + i;
                executors.add(CompletableFuture.runAsync(() -> execute(client, name, key)));
            }
            String submitterKey = register(cluster, "submitter");
            ColoniesClient submitter = cluster.clientOf(0, 1, 2);
            ProcessGraph graph = submitter.submitWorkflow(new WorkflowSpec(COLONY, layers()), submitterKey);

            Eventually.until(Duration.ofSeconds(30), () -> assignments.size() >= WIDTH + 1,
                    () -> "the graph never got going");
            int leader = cluster.awaitLeader();
            cluster.stopNode(leader);
            assertTrue(assignments.size() < LEVELS * WIDTH, "the leader stopped in the middle of the graph");
            ColoniesClient survivor = cluster.client(cluster.otherThan(leader));
            ProcessGraph ended = Eventually.value(Duration.ofSeconds(60), () -> finalState(survivor, graph,
                    submitterKey), () -> "the workflow never ended");
            executing.set(false);
            CompletableFuture.allOf(executors.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

            assertEquals(ProcessState.SUCCESS, ended.state());
            checkRuns(ended.processIds().stream().map(id -> survivor.getProcess(id, submitterKey)).toList());
        }
    }

    /** LEVELS layers of WIDTH nodes, each node depending on every node of the layer before. */
    private static List<FunctionSpec> layers() {
        List<FunctionSpec> specs = new ArrayList<>();
        for (int level = 0; level < LEVELS; level++) {
            for (int i = 0; i < WIDTH; i++) {
                List<String> parents = new ArrayList<>();
                for (int p = 0; level > 0 && p < WIDTH; p++) {
                    parents.add("n" + (level - 1) + "-" + p);
                }
                specs.add(FunctionSpec.of(COLONY, "cli", "work", List.of()).withNodeName("n" + level + "-" + i)
                        .dependingOn(parents.toArray(String[]::new)).withLimits(-1, 4, 5));
            }
        }
        return specs;
    }

    private static Optional<ProcessGraph> finalState(ColoniesClient client, ProcessGraph graph, String key) {
        try {
            return Optional.of(client.getProcessGraph(graph.processGraphId(), key))
                    .filter(g -> ProcessState.isFinal(g.state()));
        } catch (ColoniesException unavailable) {
            return Optional.empty();
        }
    }

    private void checkRuns(List<ColonyProcess> processes) {
        Map<String, ColonyProcess> byId = processes.stream().collect(Collectors.toMap(ColonyProcess::processId,
                Function.identity()));
        assertEquals(LEVELS * WIDTH, processes.size());
        for (ColonyProcess process : processes) {
            assertEquals(ProcessState.SUCCESS, process.state());
            long runs = assignments.stream().filter(process.processId()::equals).count();
            assertTrue(runs >= 1 && runs <= 1 + process.retries(), process.spec().nodeName() + " ran " + runs
                    + " times with " + process.retries() + " retries");
            List<Object> in = new ArrayList<>();
            for (String parent : process.parents()) {
                ColonyProcess p = byId.get(parent);
                assertTrue(process.startTime().isAfter(p.endTime()), process.spec().nodeName() + " started early");
                in.addAll(p.out());
            }
            assertEquals(in, process.in());
        }
    }

    private String register(TestCluster cluster, String name) {
        return cluster.registerExecutor(COLONY, colonyKey, name);
    }

    /** Takes work, runs it for 100 ms and closes it with the node name, until told to stop. */
    private void execute(ColoniesClient client, String name, String key) {
        while (executing.get()) {
            ColonyProcess process;
            try {
                process = client.assign(COLONY, 1, "", "", key);
            } catch (ColoniesException noProcessOrUnavailable) {
                continue;
            }
            assignments.add(process.processId());
            try {
                Thread.sleep(100);
                client.closeSuccessful(process.processId(), List.of(process.spec().nodeName()), key);
            } catch (ColoniesException lostOrUnknown) {
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
