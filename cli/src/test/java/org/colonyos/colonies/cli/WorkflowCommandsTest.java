package org.colonyos.colonies.cli;

import static org.colonyos.colonies.cli.CliServer.COLONY_KEY;
import static org.colonyos.colonies.cli.CliServer.SERVER_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.colonyos.colonies.cli.CliServer.Run;
import org.colonyos.colonies.proto.crypto.Identity;
import org.colonyos.colonies.proto.crypto.Secp256k1;
import org.colonyos.colonies.proto.json.Json;
import org.colonyos.colonies.proto.model.Colony;
import org.colonyos.colonies.proto.model.Cron;
import org.colonyos.colonies.proto.model.Generator;
import org.colonyos.colonies.proto.model.ProcessGraph;
import org.colonyos.colonies.sdk.ColoniesClient;
import org.colonyos.colonies.sdk.ExecutorRuntime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code colonies workflow}: submit with --wait, get, the listings, cancel, remove and removeall. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class WorkflowCommandsTest {
    private static final String COLONY = "flows";
    private final String executorKey = Secp256k1.generatePrivateKey();
    private CliServer server;
    private ExecutorRuntime runtime;
    private Path dir;

    @BeforeAll
    void start(@TempDir Path tmp) throws Exception {
        dir = tmp;
        server = new CliServer(tmp.resolve("server"));
        ColoniesClient client = new ColoniesClient(java.net.URI.create(server.server.url()));
        client.addColony(new Colony(Identity.idOfPrivateKey(COLONY_KEY), COLONY), SERVER_KEY);
        runtime = ExecutorRuntime.builder(client, COLONY, executorKey).name("runner").type("cli").pollSeconds(1)
                .function("echo", ctx -> List.of(ctx.process().spec().nodeName()))
                .function("fail", ctx -> {
                    throw new IllegalStateException("no");
                })
                .registerAndStart(COLONY_KEY);
    }

    @AfterAll
    void stop() throws Exception {
        runtime.close();
        server.close();
    }

    private Run run(String... args) {
        return server.runAs(COLONY, executorKey, args);
    }

    /** Waits up to 20 s for a condition. */
    private static final class Eventually {
        static void until(java.util.function.BooleanSupplier condition) throws InterruptedException {
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (!condition.getAsBoolean()) {
                assertTrue(System.nanoTime() < deadline, "condition not met within 20 s");
                Thread.sleep(100);
            }
        }
    }

    private Path specFile(String name, String json) throws Exception {
        return Files.writeString(dir.resolve(name), json);
    }

    private static String node(String name, String function, String dependencies) {
        return "{\"nodename\":\"" + name + "\",\"funcname\":\"" + function + "\",\"conditions\":{\"executortype\":"
                + "\"cli\",\"dependencies\":[" + dependencies + "]}}";
    }

    @Test
    void submitWaitsForTheGraphAndGetShowsItsProcesses() throws Exception {
        Path spec = specFile("diamond.json", "[" + node("a", "echo", "") + "," + node("b", "echo", "\"a\"") + ","
                + node("c", "echo", "\"a\"") + "," + node("d", "echo", "\"b\",\"c\"") + "]");
        Run submitted = run("workflow", "submit", "--spec", spec.toString(), "--wait", "--json");
        assertEquals(0, submitted.code(), submitted.err());
        ProcessGraph graph = Json.parse(submitted.out().lines().findFirst().orElseThrow().getBytes(),
                ProcessGraph.class);
        assertEquals(2, graph.state());

        Run shown = run("workflow", "get", "--processgraphid", graph.processGraphId());
        assertEquals(0, shown.code(), shown.err());
        assertTrue(shown.out().startsWith("Workflow " + graph.processGraphId() + " successful"), shown.out());
        assertTrue(shown.out().contains("NODE") && shown.out().contains("DEPENDS ON"), shown.out());
        assertEquals(4, shown.out().lines().filter(line -> line.contains("successful") && line.contains("echo"))
                .count(), shown.out());
        assertTrue(run("workflow", "pss").out().contains(graph.processGraphId()));
        assertTrue(run("workflow", "get", "--workflowid", graph.processGraphId(), "--json").out()
                .contains("\"edges\""));
    }

    @Test
    void aFailedWorkflowExitsThreeUnderWait() throws Exception {
        Path spec = specFile("fails.json", "[" + node("a", "fail", "") + "," + node("b", "echo", "\"a\"") + "]");
        Run failed = run("workflow", "submit", "--spec", spec.toString(), "--wait");
        assertEquals(WaitOutcome.FAILED, failed.code(), failed.out() + failed.err());
        assertTrue(failed.err().startsWith("Error: workflow ") && failed.err().contains(" failed"), failed.err());
        assertTrue(run("workflow", "psf").out().lines().count() >= 2);
    }

    @Test
    void cancelRemoveAndRemoveAll() throws Exception {
        Path spec = specFile("idle.json", "{\"functionspecs\":[{\"nodename\":\"x\",\"funcname\":\"f\","
                + "\"conditions\":{\"executortype\":\"nobody\"}}]}");
        Run submitted = run("workflow", "submit", "--spec", spec.toString(), "--json");
        String id = Json.parse(submitted.out().getBytes(), ProcessGraph.class).processGraphId();
        assertTrue(run("workflow", "psw").out().contains(id));
        assertEquals(0, run("workflow", "cancel", "--processgraphid", id).code());
        assertTrue(run("workflow", "psc").out().contains(id));
        assertEquals(0, run("workflow", "remove", "--processgraphid", id).code());
        assertEquals(1, run("workflow", "get", "--processgraphid", id).code());

        String again = Json.parse(run("workflow", "submit", "--spec", spec.toString(), "--json").out().getBytes(),
                ProcessGraph.class).processGraphId();
        Run notOwner = run("workflow", "removeall", "--waiting", "--colonyprvkey", executorKey);
        assertEquals(1, notOwner.code());
        assertTrue(notOwner.err().contains("not colony owner"), notOwner.err());
        assertEquals(0, server.run("workflow", "removeall", "--waiting", "--colonyname", COLONY, "--colonyprvkey",
                COLONY_KEY).code());
        assertEquals(1, run("workflow", "get", "--processgraphid", again).code());
    }

    @Test
    void aGeneratorRunsAWorkflowPerTriggerArguments() throws Exception {
        Path spec = specFile("gen.json", "[" + node("a", "echo", "") + "]");
        Run added = run("generator", "add", "--name", "g1", "--spec", spec.toString(), "--trigger", "2", "--json");
        assertEquals(0, added.code(), added.err());
        String id = Json.parse(added.out().getBytes(), Generator.class).generatorId();
        assertEquals(0, run("generator", "pack", "--generatorid", id, "--arg", "x").code());
        assertTrue(run("generator", "get", "--generatorid", id, "--json").out().contains("\"queuesize\":1"));
        assertEquals(0, run("generator", "pack", "--generatorid", id, "--arg", "y").code());
        Eventually.until(() -> run("generator", "get", "--generatorid", id, "--json").out()
                .contains("\"queuesize\":0"));
        assertTrue(run("generator", "ls").out().contains("g1"));
        assertEquals(0, run("generator", "remove", "--generatorid", id).code());
        assertEquals(1, run("generator", "get", "--generatorid", id).code());
    }

    @Test
    void aCronRunsItsWorkflowOnItsScheduleAndByHand() throws Exception {
        Path spec = specFile("cron.json", "[" + node("a", "echo", "") + "]");
        Run added = run("cron", "add", "--name", "c1", "--spec", spec.toString(), "--interval", "1", "--json");
        assertEquals(0, added.code(), added.err());
        String id = Json.parse(added.out().getBytes(), Cron.class).cronId();
        Eventually.until(() -> !Json.parse(run("cron", "get", "--cronid", id, "--json").out().getBytes(), Cron.class)
                .prevProcessGraphId().isEmpty());
        assertEquals(0, run("cron", "run", "--cronid", id).code());
        assertTrue(run("cron", "ls").out().contains("every 1 s"));
        assertEquals(0, run("cron", "remove", "--cronid", id).code());
        Run bad = run("cron", "add", "--name", "c2", "--spec", spec.toString(), "--cron", "61 * * * * *");
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains("invalid cron expression"), bad.err());
    }

    @Test
    void aBadSpecFileIsAUsageError() throws Exception {
        Run bad = run("workflow", "submit", "--spec", specFile("bad.json", "[{").toString());
        assertEquals(ColoniesCli.USAGE, bad.code());
        Run unknown = run("workflow", "submit", "--spec", specFile("dep.json", "[" + node("a", "echo", "\"z\"")
                + "]").toString());
        assertEquals(1, unknown.code());
        assertTrue(unknown.err().contains("invalid dependencies"), unknown.err());
    }
}
