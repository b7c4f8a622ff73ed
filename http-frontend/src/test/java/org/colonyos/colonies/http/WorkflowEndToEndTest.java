package org.colonyos.colonies.http;

import static org.colonyos.colonies.http.Refusals.assertRefused;
import static org.colonyos.colonies.http.TestServer.COLONY_KEY;
import static org.colonyos.colonies.http.TestServer.SERVER_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.colonyos.colonies.http.server.ColoniesServer;
import org.colonyos.colonies.proto.crypto.Identity;
import org.colonyos.colonies.proto.crypto.Secp256k1;
import org.colonyos.colonies.proto.json.GoTime;
import org.colonyos.colonies.proto.model.Colony;
import org.colonyos.colonies.proto.model.Executor;
import org.colonyos.colonies.proto.model.FunctionSpec;
import org.colonyos.colonies.proto.model.ColonyProcess;
import org.colonyos.colonies.proto.model.ProcessGraph;
import org.colonyos.colonies.proto.model.ProcessState;
import org.colonyos.colonies.proto.model.WorkflowSpec;
import org.colonyos.colonies.sdk.ColoniesClient;
import org.colonyos.colonies.sdk.ExecutorRuntime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workflows over HTTP through the SDK, run by the Java executor runtime: dependency order and inputs, failure
 * propagation, children added by running processes, cancel, removal, listings, the graph layout and access.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class WorkflowEndToEndTest {
    private static final String COLONY = "wf";
    private static final String TYPE = "wf";
    private final String executorKey = Secp256k1.generatePrivateKey();
    private final String strangerKey = Secp256k1.generatePrivateKey();
    private ColoniesServer server;
    private ColoniesClient client;
    private ExecutorRuntime runtime;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        server = TestServer.start(dir);
        client = TestServer.client(server);
        client.addColony(new Colony(Identity.idOfPrivateKey(COLONY_KEY), COLONY), SERVER_KEY);
        client.addColony(new Colony(Identity.idOfPrivateKey(COLONY_KEY), "elsewhere"), SERVER_KEY);
        client.addExecutor(Executor.of(Identity.idOfPrivateKey(strangerKey), TYPE, "stranger", "elsewhere"),
                COLONY_KEY);
        client.approveExecutor("elsewhere", "stranger", COLONY_KEY);
        runtime = ExecutorRuntime.builder(client, COLONY, executorKey).name("runner").type(TYPE).pollSeconds(1)
                .function("tag", ctx -> {
                    List<Object> out = new ArrayList<>(ctx.in());
                    out.add(ctx.process().spec().nodeName());
                    return out;
                })
                .function("fail", ctx -> {
                    throw new IllegalStateException("as asked");
                })
                .function("spawn", ctx -> {
                    ctx.addChild(spec("appended", "tag"), false);
                    ctx.addChild(spec("inserted", "tag"), true);
                    return List.of("spawned");
                })
                .registerAndStart(COLONY_KEY);
    }

    @AfterAll
    void stop() throws Exception {
        runtime.close();
        server.close();
    }

    private static FunctionSpec spec(String node, String function, String... parents) {
        return FunctionSpec.of(COLONY, TYPE, function, List.of()).withNodeName(node).dependingOn(parents);
    }

    private ProcessGraph submit(FunctionSpec... specs) {
        return client.submitWorkflow(new WorkflowSpec(COLONY, List.of(specs)), executorKey);
    }

    private ProcessGraph ended(ProcessGraph graph) throws InterruptedException {
        return Eventually.value(Duration.ofSeconds(30), () -> Optional.of(client.getProcessGraph(
                graph.processGraphId(), executorKey)).filter(g -> ProcessState.isFinal(g.state())),
                () -> "the workflow never ended");
    }

    private Map<String, ColonyProcess> byNode(ProcessGraph graph) {
        return graph.processIds().stream().map(id -> client.getProcess(id, executorKey))
                .collect(Collectors.toMap(p -> p.spec().nodeName(), Function.identity()));
    }

    @Test
    void aDiamondRunsInOrderWithItsParentsOutputsAndALayout() throws Exception {
        ProcessGraph graph = ended(submit(spec("a", "tag"), spec("b", "tag", "a"), spec("c", "tag", "a"),
                spec("d", "tag", "b", "c")));
        assertEquals(ProcessState.SUCCESS, graph.state());
        Map<String, ColonyProcess> nodes = byNode(graph);
        assertEquals(List.of("a", "b", "a", "c", "d"), nodes.get("d").out());
        assertEquals(List.of("a", "b", "a", "c"), nodes.get("d").in());
        assertTrue(nodes.get("b").startTime().isAfter(nodes.get("a").endTime()));
        assertTrue(nodes.get("d").startTime().isAfter(nodes.get("c").endTime()));

        Map<String, ProcessGraph.GraphNode> layout = graph.nodes().stream()
                .collect(Collectors.toMap(n -> n.data().label(), Function.identity()));
        assertEquals(new ProcessGraph.Position(0, 0), layout.get("a").position());
        assertEquals(new ProcessGraph.Position(-100, 80), layout.get("b").position());
        assertEquals(new ProcessGraph.Position(100, 80), layout.get("c").position());
        assertEquals(new ProcessGraph.Position(0, 160), layout.get("d").position());
        assertEquals(List.of("input", "", "", "output"), List.of(layout.get("a").type(), layout.get("b").type(),
                layout.get("c").type(), layout.get("d").type()));
        assertEquals("#92d050", layout.get("d").style().background());
        String a = nodes.get("a").processId();
        String b = nodes.get("b").processId();
        assertTrue(graph.edges().contains(new ProcessGraph.GraphEdge(a + "-" + b, a, b, false)));
        assertEquals(4, graph.edges().size());
        assertTrue(client.getProcessGraphs(COLONY, ProcessState.SUCCESS, 100, executorKey).stream()
                .anyMatch(g -> g.processGraphId().equals(graph.processGraphId()) && g.nodes().isEmpty()));
        assertTrue(client.getColonyStatistics(COLONY, executorKey).successfulWorkflows() >= 1);
    }

    @Test
    void aFailedProcessFailsItsGraphAndNothingAfterItRuns() throws Exception {
        ProcessGraph graph = ended(submit(spec("a", "tag"), spec("b", "fail", "a"), spec("d", "tag", "b")));
        assertEquals(ProcessState.FAILED, graph.state());
        Map<String, ColonyProcess> nodes = byNode(graph);
        assertEquals(ProcessState.SUCCESS, nodes.get("a").state());
        assertEquals(List.of("as asked"), nodes.get("b").errors());
        assertEquals(ProcessState.FAILED, nodes.get("d").state());
        assertEquals(GoTime.ZERO, nodes.get("d").startTime(), "d never ran");
        assertTrue(client.getProcessGraphs(COLONY, ProcessState.FAILED, 100, executorKey).stream()
                .anyMatch(g -> g.processGraphId().equals(graph.processGraphId())));
    }

    @Test
    void runningProcessesAppendAndInsertChildren() throws Exception {
        ProcessGraph graph = ended(submit(spec("root", "spawn"), spec("last", "tag", "root")));
        assertEquals(ProcessState.SUCCESS, graph.state());
        assertEquals(4, graph.processIds().size());
        Map<String, ColonyProcess> nodes = byNode(graph);
        ColonyProcess root = nodes.get("root");
        assertEquals(List.of(nodes.get("inserted").processId()), root.children());
        assertEquals(List.of(nodes.get("last").processId(), nodes.get("appended").processId()),
                nodes.get("inserted").children());
        assertEquals(List.of("spawned", "inserted"), nodes.get("last").in());
        assertTrue(nodes.get("last").startTime().isAfter(nodes.get("inserted").endTime()));
    }

    @Test
    void cancelRemoveAndRemoveAllByState() {
        ProcessGraph graph = submit(spec("never", "unknown-type-function").withConditions(
                FunctionSpec.of(COLONY, "nobody", "x", List.of()).conditions()));
        assertEquals(ProcessState.WAITING, client.getProcessGraph(graph.processGraphId(), executorKey).state());
        client.cancelProcessGraph(graph.processGraphId(), executorKey);
        assertEquals(ProcessState.CANCELLED, client.getProcessGraph(graph.processGraphId(), executorKey).state());
        client.removeProcessGraph(graph.processGraphId(), executorKey);
        assertRefused(500, null, () -> client.getProcessGraph(graph.processGraphId(), executorKey));
        assertRefused(404, null, () -> client.getProcess(graph.processIds().get(0), executorKey));

        ProcessGraph waiting = submit(spec("idle", "x").withConditions(
                FunctionSpec.of(COLONY, "nobody", "x", List.of()).conditions()));
        assertEquals(1, client.getProcessGraphs(COLONY, ProcessState.WAITING, 100, executorKey).size());
        assertRefused(403, null, () -> client.removeAllProcessGraphs(COLONY, ProcessState.WAITING, executorKey));
        client.removeAllProcessGraphs(COLONY, ProcessState.FAILED, COLONY_KEY);
        assertEquals(1, client.getProcessGraphs(COLONY, ProcessState.WAITING, 100, executorKey).size());
        client.removeAllProcessGraphs(COLONY, ProcessState.WAITING, COLONY_KEY);
        assertEquals(List.of(), client.getProcessGraphs(COLONY, ProcessState.WAITING, 100, executorKey));
        assertRefused(404, null, () -> client.getProcess(waiting.processIds().get(0), executorKey));
    }

    @Test
    void badWorkflowsAreRefusedWithNothingStored() {
        int before = client.getColonyStatistics(COLONY, executorKey).waitingProcesses();
        assertRefused(500, "Failed to submit workflow, invalid dependencies, are you depending on a nodename that "
                + "does not exits?", () -> submit(spec("a", "tag", "ghost")));
        assertRefused(500, "Duplicate nodename: a", () -> submit(spec("a", "tag"), spec("a", "tag")));
        assertRefused(500, "Nodename is missing, check function spec for errors", () -> submit(spec("", "tag")));
        assertRefused(400, "Failed to submit workflow, invalid dependencies, the dependencies of <a> lead into a "
                + "cycle", () -> submit(spec("a", "tag", "b"), spec("b", "tag", "a")));
        assertRefused(400, "Failed to submit workflow, the workflow has no function specs", this::submit);
        assertEquals(before, client.getColonyStatistics(COLONY, executorKey).waitingProcesses());
        String unknown = "0".repeat(64);
        assertRefused(500, "Failed to get process graph, process graph with id <" + unknown + "> not found",
                () -> client.getProcessGraph(unknown, executorKey));
        assertRefused(500, null, () -> client.cancelProcessGraph(unknown, executorKey));
        assertRefused(500, null, () -> client.removeProcessGraph(unknown, executorKey));
        assertRefused(400, "Count is larger than MaxCount limit <100>",
                () -> client.getProcessGraphs(COLONY, ProcessState.WAITING, 101, executorKey));
        assertRefused(400, "Failed to get process graphs, invalid msg.State",
                () -> client.getProcessGraphs(COLONY, 7, 10, executorKey));
    }

    @Test
    void aMemberOfAnotherColonyIsRefusedEveryWorkflowMessage() {
        ProcessGraph graph = submit(spec("idle", "x").withConditions(
                FunctionSpec.of(COLONY, "nobody", "x", List.of()).conditions()));
        String id = graph.processGraphId();
        String process = graph.processIds().get(0);
        assertRefused(403, null, () -> client.submitWorkflow(new WorkflowSpec(COLONY, List.of(spec("a", "tag"))),
                strangerKey));
        assertRefused(403, null, () -> client.getProcessGraph(id, strangerKey));
        assertRefused(403, null, () -> client.getProcessGraphs(COLONY, ProcessState.WAITING, 10, strangerKey));
        assertRefused(403, null, () -> client.cancelProcessGraph(id, strangerKey));
        assertRefused(403, null, () -> client.removeProcessGraph(id, strangerKey));
        assertRefused(403, null, () -> client.removeAllProcessGraphs(COLONY, ProcessState.ALL, strangerKey));
        assertRefused(403, null, () -> client.addChild(id, process, "", spec("x", "tag"), false, strangerKey));
        assertEquals(ProcessState.WAITING, client.getProcessGraph(id, executorKey).state());
        client.cancelProcessGraph(id, executorKey);
    }
}
