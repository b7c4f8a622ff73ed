package org.colonyos.colonies.http;

import static org.colonyos.colonies.http.TestServer.COLONY_KEY;
import static org.colonyos.colonies.http.TestServer.EXECUTOR_KEY;
import static org.colonyos.colonies.http.TestServer.SERVER_KEY;
import static org.colonyos.colonies.http.Refusals.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.colonyos.colonies.http.server.ColoniesServer;
import org.colonyos.colonies.proto.crypto.Identity;
import org.colonyos.colonies.proto.crypto.Secp256k1;
import org.colonyos.colonies.proto.json.GoTime;
import org.colonyos.colonies.proto.json.Json;
import org.colonyos.colonies.proto.model.Attribute;
import org.colonyos.colonies.proto.model.Colony;
import org.colonyos.colonies.proto.model.Executor;
import org.colonyos.colonies.proto.model.Function;
import org.colonyos.colonies.proto.model.FunctionSpec;
import org.colonyos.colonies.proto.model.ColonyProcess;
import org.colonyos.colonies.proto.model.ProcessState;
import org.colonyos.colonies.proto.model.Statistics;
import org.colonyos.colonies.proto.model.User;
import org.colonyos.colonies.sdk.ColoniesClient;
import org.colonyos.colonies.sdk.HttpEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The process lifecycle through the SDK against a real one-node server: every message of protocol 4.5, 4.6,
 * 4.8 and 4.9 with an allowed and a forbidden caller and the error statuses of 4.6. Each test works in its own
 * colony so tests do not see each other's processes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class ProcessLifecycleEndToEndTest {
    private final String userKey = Secp256k1.generatePrivateKey();
    private final String otherExecutorKey = Secp256k1.generatePrivateKey();
    private final String strangerKey = Secp256k1.generatePrivateKey();
    private ColoniesServer server;
    private ColoniesClient client;
    private int colonies;

    /** How the SDK carries the calls; a subclass runs every test again over the other engine. */
    HttpEngine engine() {
        return HttpEngine.JDK_CLIENT;
    }

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        server = TestServer.start(dir);
        client = TestServer.client(server, engine());
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    /** A fresh colony with an approved executor "worker" (type cli), a second one "other" and a user "alice". */
    private String colony() {
        String name = "c" + (++colonies);
        client.addColony(new Colony(Identity.idOfPrivateKey(COLONY_KEY), name), SERVER_KEY);
        client.addExecutor(Executor.of(Identity.idOfPrivateKey(EXECUTOR_KEY), "cli", "worker", name), COLONY_KEY);
        client.approveExecutor(name, "worker", COLONY_KEY);
        client.addExecutor(Executor.of(Identity.idOfPrivateKey(otherExecutorKey), "cli", "other", name), COLONY_KEY);
        client.approveExecutor(name, "other", COLONY_KEY);
        client.addUser(new User(name, Identity.idOfPrivateKey(userKey), "alice", "", ""), COLONY_KEY);
        return name;
    }

    private static FunctionSpec spec(String colony, String func) {
        return FunctionSpec.of(colony, "cli", func, List.of("a", 1));
    }

    @Test
    void submitStoresTheGoShapeAndNeedsAnApprovedMember() throws Exception {
        String colony = colony();
        FunctionSpec sent = spec(colony, "echo").withLimits(60, 60, 0).withKwargsAndEnv(Map.of("k", 2),
                Map.of("HOME", "/tmp"));
        ColonyProcess process = client.submit(sent, userKey);
        assertEquals(64, process.processId().length());
        assertEquals("alice", process.initiatorName());
        assertEquals(ProcessState.WAITING, process.state());
        assertFalse(process.isAssigned());
        assertEquals(GoTime.toUnixNanos(process.submissionTime()), process.priorityTime());
        assertEquals(process.submissionTime().plusSeconds(60), process.waitDeadline());
        assertEquals(GoTime.ZERO, process.execDeadline());
        assertEquals("0m", process.spec().conditions().cpu());
        assertEquals("0Mi", process.spec().conditions().mem());
        assertEquals(1, process.attributes().size());
        assertEquals(Attribute.ENV, process.attributes().get(0).attributeType());
        Map<?, ?> json = Json.mapper().readValue(Json.toBytes(process), Map.class);
        for (String listField : List.of("attributes", "parents", "children", "in", "out", "errors")) {
            assertTrue(json.get(listField) instanceof List, listField + " must be a list");
        }
        assertRefused(403, "Access denied, not a member of Colony with name <" + colony + ">",
                () -> client.submit(spec(colony, "x"), strangerKey));
        assertRefused(400, null, () -> client.submit(spec(colony, "x").withPriority(50_001), userKey));
        assertEquals(process, client.getProcess(process.processId(), EXECUTOR_KEY));
        assertRefused(404, "Failed to get process, process not found",
                () -> client.getProcess("f".repeat(64), userKey));
        assertRefused(403, null, () -> client.getProcess(process.processId(), strangerKey));
    }

    @Test
    void fullLifecycleWithOutputAttributesLogsAndFunctionStatistics() {
        String colony = colony();
        Function function = client.addFunction(new Function("", "worker", "cli", colony, "echo", "", null, 0, 0, 0,
                0, 0, 0, 0, ""), EXECUTOR_KEY);
        assertRefused(403, "Not allowed to add a function to another executor", () -> client.addFunction(
                new Function("", "worker", "cli", colony, "x", "", null, 0, 0, 0, 0, 0, 0, 0, ""), otherExecutorKey));
        ColonyProcess submitted = client.submit(spec(colony, "echo"), userKey);
        assertRefused(400, "Invalid timeout value, timeout cannot be zero", () -> client.assign(colony, 0, "", "",
                EXECUTOR_KEY));
        assertRefused(403, null, () -> client.assign(colony, -1, "", "", strangerKey));
        ColonyProcess running = client.assign(colony, -1, "", "", EXECUTOR_KEY);
        assertEquals(submitted.processId(), running.processId());
        assertEquals(ProcessState.RUNNING, running.state());
        assertEquals(Identity.idOfPrivateKey(EXECUTOR_KEY), running.assignedExecutorId());
        assertRefused(404, "No process available for assignment", () -> client.assign(colony, -1, "", "",
                otherExecutorKey));
        String id = running.processId();
        assertRefused(403, null, () -> client.setOutput(id, List.of("x"), otherExecutorKey));
        client.setOutput(id, List.of("partial"), EXECUTOR_KEY);
        Attribute attribute = client.addAttribute(new Attribute("", id, colony, "", 0, Attribute.OUT, "result",
                "42"), EXECUTOR_KEY);
        assertEquals(attribute, client.getAttribute(attribute.attributeId(), userKey));
        assertRefused(400, null, () -> client.addAttribute(new Attribute("", id, colony, "", 0, Attribute.OUT,
                "result", "43"), EXECUTOR_KEY));
        assertRefused(400, "Attribute does not exists", () -> client.getAttribute("0".repeat(64), userKey));
        client.addLog(id, "hello from echo", EXECUTOR_KEY);
        client.addLog(id, "second line", EXECUTOR_KEY);
        assertRefused(403, null, () -> client.addLog(id, "not mine", otherExecutorKey));
        assertEquals(List.of("hello from echo", "second line"), client.getLogs(colony, id, "", 10, 0, false, userKey)
                .stream().map(l -> l.message()).toList());
        assertEquals(List.of("second line"), client.getLogs(colony, id, "", 1, 0, true, userKey).stream()
                .map(l -> l.message()).toList());
        assertRefused(403, "Count exceeds max log count (500)", () -> client.getLogs(colony, id, "", 501, 0, false,
                userKey));
        assertEquals(1, client.searchLogs(colony, "hello", 1, 10, userKey).size());
        assertRefused(400, null, () -> client.searchLogs(colony, "hello", 31, 10, userKey));
        assertRefused(403, null, () -> client.closeSuccessful(id, List.of("done"), otherExecutorKey));
        client.closeSuccessful(id, List.of("done"), EXECUTOR_KEY);
        ColonyProcess closed = client.getProcess(id, userKey);
        assertEquals(ProcessState.SUCCESS, closed.state());
        assertEquals(List.of("done"), closed.out());
        assertNotEquals(GoTime.ZERO, closed.endTime());
        assertRefused(400, "Tried to set successful process as failed", () -> client.closeFailed(id, List.of("e"),
                EXECUTOR_KEY));
        Function counted = client.getFunctions(colony, "worker", userKey).get(0);
        assertEquals(function.functionId(), counted.functionId());
        assertEquals(1, counted.counter());
        assertRefused(403, null, () -> client.removeFunction(function.functionId(), otherExecutorKey));
        client.removeFunction(function.functionId(), EXECUTOR_KEY);
        assertRefused(404, null, () -> client.removeFunction(function.functionId(), EXECUTOR_KEY));
        assertTrue(client.getFunctions(colony, "", userKey).isEmpty());
    }

    @Test
    void listingsFollowTheProtocolOrdersAndLimits() {
        String colony = colony();
        ColonyProcess low = client.submit(spec(colony, "low"), userKey);
        ColonyProcess high = client.submit(spec(colony, "high").withPriority(5), userKey);
        ColonyProcess labelled = client.submit(spec(colony, "lab").withLabel("L"), EXECUTOR_KEY);
        assertEquals(List.of(high.processId(), low.processId(), labelled.processId()),
                ids(client.getProcesses(colony, ProcessState.WAITING, 10, "", "", "", userKey)));
        assertEquals(List.of(labelled.processId()), ids(client.getProcesses(colony, 0, 10, "", "L", "", userKey)));
        assertEquals(List.of(high.processId(), low.processId()),
                ids(client.getProcesses(colony, 0, 10, "", "", "alice", userKey)));
        assertEquals(1, client.getProcesses(colony, 0, 1, "", "", "", userKey).size());
        assertTrue(client.getProcesses(colony, 0, 0, "", "", "", userKey).isEmpty());
        assertRefused(400, "Count is larger than MaxCount limit <100>", () -> client.getProcesses(colony, 0, 101, "",
                "", "", userKey));
        assertRefused(400, "Failed to get processes, invalid msg.State", () -> client.getProcesses(colony, -1, 10, "",
                "", "", userKey));
        assertRefused(400, "User <bob> does not exist", () -> client.getProcesses(colony, 0, 10, "", "", "bob",
                userKey));
        assertEquals(high.processId(), client.assign(colony, -1, "", "", EXECUTOR_KEY).processId());
        assertEquals(3, client.getProcessHistory(colony, "", 60, ProcessState.WAITING, userKey).size()
                + client.getProcessHistory(colony, "", 60, ProcessState.RUNNING, userKey).size());
        Statistics stats = client.getColonyStatistics(colony, userKey);
        assertEquals(2, stats.waitingProcesses());
        assertEquals(1, stats.runningProcesses());
        assertEquals(2, stats.activeExecutors());
        assertTrue(client.getStatistics(SERVER_KEY).waitingProcesses() >= 2);
        assertRefused(403, null, () -> client.getStatistics(COLONY_KEY));
    }

    @Test
    void cancelRemoveAndRemoveAll() {
        String colony = colony();
        ColonyProcess waiting = client.submit(spec(colony, "a"), userKey);
        ColonyProcess running = client.submit(spec(colony, "b"), userKey);
        client.cancelProcess(waiting.processId(), userKey);
        assertEquals(ProcessState.CANCELLED, client.getProcess(waiting.processId(), userKey).state());
        assertRefused(400, null, () -> client.cancelProcess(waiting.processId(), userKey));
        assertEquals(running.processId(), client.assign(colony, -1, "", "", EXECUTOR_KEY).processId());
        assertRefused(400, "Failed to remove process, cannot remove a running process",
                () -> client.removeProcess(running.processId(), userKey));
        assertRefused(500, null, () -> client.removeProcess("0".repeat(64), userKey));
        client.removeProcess(waiting.processId(), userKey);
        assertRefused(404, null, () -> client.getProcess(waiting.processId(), userKey));
        assertRefused(403, null, () -> client.removeAllProcesses(colony, -1, EXECUTOR_KEY));
        assertRefused(400, "Not possible to remove running processes",
                () -> client.removeAllProcesses(colony, ProcessState.RUNNING, COLONY_KEY));
        client.closeFailed(running.processId(), List.of("boom"), EXECUTOR_KEY);
        assertEquals(List.of("boom"), client.getProcess(running.processId(), userKey).errors());
        client.removeAllProcesses(colony, -1, COLONY_KEY);
        assertTrue(client.getProcesses(colony, ProcessState.FAILED, 10, "", "", "", userKey).isEmpty());
    }

    @Test
    void pausedColoniesAnswer503Or408AndResumeWakesWaiters() throws Exception {
        String colony = colony();
        assertRefused(403, null, () -> client.pauseAssignments(colony, EXECUTOR_KEY));
        client.pauseAssignments(colony, COLONY_KEY);
        assertTrue(client.isPaused(colony, EXECUTOR_KEY));
        client.submit(spec(colony, "p"), userKey);
        assertRefused(503, "No processes available: colony assignments are paused",
                () -> client.assign(colony, -1, "", "", EXECUTOR_KEY));
        assertRefused(408, "Assignment timeout: colony assignments are paused",
                () -> client.assign(colony, 1, "", "", EXECUTOR_KEY));
        var waiting = java.util.concurrent.CompletableFuture.supplyAsync(() -> client.assign(colony, 20, "", "",
                EXECUTOR_KEY));
        Thread.sleep(300);
        client.resumeAssignments(colony, COLONY_KEY);
        assertEquals(ProcessState.RUNNING, waiting.get(10, java.util.concurrent.TimeUnit.SECONDS).state());
        assertFalse(client.isPaused(colony, EXECUTOR_KEY));
    }

    @Test
    void resourceConditionsAndExecutorNamesRestrictAssignment() {
        String colony = colony();
        FunctionSpec big = spec(colony, "big");
        big = big.withConditions(big.conditions().withResources("4000m", "8Gi", "", null));
        client.submit(big, userKey);
        FunctionSpec named = spec(colony, "named");
        named = named.withConditions(named.conditions().withExecutorNames(List.of("other")));
        client.submit(named, userKey);
        assertRefused(404, null, () -> client.assign(colony, -1, "2000m", "", EXECUTOR_KEY));
        assertRefused(400, null, () -> client.assign(colony, -1, "lots", "", EXECUTOR_KEY));
        assertEquals("big", client.assign(colony, -1, "8000m", "16Gi", EXECUTOR_KEY).spec().funcName());
        assertRefused(404, null, () -> client.assign(colony, -1, "", "", EXECUTOR_KEY));
        assertEquals("named", client.assign(colony, -1, "", "", otherExecutorKey).spec().funcName());
    }

    private static List<String> ids(List<ColonyProcess> processes) {
        return processes.stream().map(ColonyProcess::processId).toList();
    }
}
