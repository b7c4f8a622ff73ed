package org.colonyos.colonies.http;

import static org.colonyos.colonies.http.TestServer.COLONY_KEY;
import static org.colonyos.colonies.http.TestServer.SERVER_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.colonyos.colonies.http.server.ColoniesServer;
import org.colonyos.colonies.proto.crypto.Identity;
import org.colonyos.colonies.proto.crypto.Secp256k1;
import org.colonyos.colonies.proto.model.Colony;
import org.colonyos.colonies.proto.model.FunctionSpec;
import org.colonyos.colonies.proto.model.ColonyProcess;
import org.colonyos.colonies.proto.model.ProcessState;
import org.colonyos.colonies.sdk.ColoniesClient;
import org.colonyos.colonies.sdk.ExecutorRuntime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ExecutorRuntime}'s life cycle against a real server: {@code run()} blocks until the runtime stops, its
 * workers keep the JVM up, {@code concurrency(n)} runs n processes at once, a stop lets the processes in hand
 * finish within the grace period and fails those that do not (none is left RUNNING), the type is required, and
 * a runtime can be configured from the environment.
 */
@Timeout(120)
class ExecutorRuntimeLifecycleTest {
    private static final String COLONY = "life";
    private static final String TYPE = "lifecycle";
    @TempDir
    Path dir;
    private ColoniesServer server;
    private ColoniesClient client;
    private final String key = Secp256k1.generatePrivateKey();

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(dir);
        client = TestServer.client(server);
        client.addColony(new Colony(Identity.idOfPrivateKey(COLONY_KEY), COLONY), SERVER_KEY);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private ExecutorRuntime.Builder builder() {
        return ExecutorRuntime.builder(client, COLONY, key).name("worker").type(TYPE).pollSeconds(1)
                .stopOnShutdown(false);
    }

    private ColonyProcess submit(String function) {
        return client.submit(FunctionSpec.of(COLONY, TYPE, function, List.of()), key);
    }

    private ColonyProcess awaitFinal(ColonyProcess submitted) throws InterruptedException {
        return Eventually.value(Duration.ofSeconds(30), () -> Optional.of(client.getProcess(submitted.processId(),
                key)).filter(p -> ProcessState.isFinal(p.state())), () -> "process never finished");
    }

    @Test
    void runBlocksUntilTheRuntimeStopsAndItsWorkersAreNotDaemons() throws Exception {
        ExecutorRuntime runtime = builder().function("f", ctx -> List.of("done")).registerAndStart(COLONY_KEY);
        Thread caller = new Thread(() -> {
            try {
                runtime.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        caller.start();
        assertEquals(ProcessState.SUCCESS, awaitFinal(submit("f")).state());
        assertTrue(caller.isAlive(), "run() still blocks while the runtime serves");
        assertTrue(Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(
                "colonies-executor-worker")).noneMatch(Thread::isDaemon), "workers keep the JVM up");
        runtime.close();
        caller.join(10_000);
        assertFalse(caller.isAlive(), "run() returned once the runtime stopped");
        assertTrue(runtime.awaitTermination(Duration.ZERO));
    }

    @Test
    void concurrencyRunsThatManyProcessesAtOnce() throws Exception {
        CountDownLatch allInside = new CountDownLatch(3);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger peak = new AtomicInteger();
        AtomicInteger inside = new AtomicInteger();
        try (ExecutorRuntime runtime = builder().concurrency(3).function("wait", ctx -> {
            peak.accumulateAndGet(inside.incrementAndGet(), Math::max);
            allInside.countDown();
            release.await(30, TimeUnit.SECONDS);
            inside.decrementAndGet();
            return List.of();
        }).registerAndStart(COLONY_KEY)) {
            List<ColonyProcess> submitted = List.of(submit("wait"), submit("wait"), submit("wait"), submit("wait"));
            assertTrue(allInside.await(20, TimeUnit.SECONDS), "three handlers ran at once");
            release.countDown();
            for (ColonyProcess process : submitted) {
                assertEquals(ProcessState.SUCCESS, awaitFinal(process).state());
            }
            assertEquals(3, peak.get(), "never more than the concurrency");
        }
    }

    @Test
    void aStopLetsShortWorkFinishAndFailsWhatOutlastsTheGracePeriod() throws Exception {
        CountDownLatch started = new CountDownLatch(2);
        ExecutorRuntime runtime = builder().concurrency(2).gracePeriod(Duration.ofSeconds(2))
                .function("short", ctx -> {
                    started.countDown();
                    Thread.sleep(500);
                    return List.of("finished");
                })
                .function("long", ctx -> {
                    started.countDown();
                    Thread.sleep(60_000);
                    return List.of("never");
                }).registerAndStart(COLONY_KEY);
        ColonyProcess quick = submit("short");
        ColonyProcess slow = submit("long");
        assertTrue(started.await(20, TimeUnit.SECONDS));
        runtime.close();
        assertTrue(runtime.awaitTermination(Duration.ZERO), "close returns once the workers ended");
        ColonyProcess finished = awaitFinal(quick);
        assertEquals(ProcessState.SUCCESS, finished.state());
        assertEquals(List.of("finished"), finished.out());
        ColonyProcess handedBack = awaitFinal(slow);
        assertEquals(ProcessState.FAILED, handedBack.state());
        assertTrue(handedBack.errors().get(0).startsWith("executor worker stopped before the process finished"),
                handedBack.errors().toString());
    }

    @Test
    void aKeyThatIsAlreadyAnotherExecutorIsRefused() {
        builder().function("f", ctx -> List.of()).registerAndStart(COLONY_KEY).close();
        ExecutorRuntime.builder(client, COLONY, Secp256k1.generatePrivateKey()).name("second").type("other")
                .stopOnShutdown(false).function("f", ctx -> List.of()).registerAndStart(COLONY_KEY).close();
        IllegalStateException taken = assertThrows(IllegalStateException.class, () -> ExecutorRuntime
                .builder(client, COLONY, key).name("second").type("other").stopOnShutdown(false)
                .function("f", ctx -> List.of()).registerAndStart(COLONY_KEY));
        assertTrue(taken.getMessage().startsWith("this key is already executor worker of type " + TYPE),
                taken.getMessage());
        builder().function("f", ctx -> List.of()).registerAndStart(COLONY_KEY).close();
    }

    @Test
    void theTypeIsRequired() {
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> ExecutorRuntime
                .builder(client, COLONY, key).function("f", ctx -> List.of()).start());
        assertTrue(missing.getMessage().contains("executor type"), missing.getMessage());
    }

    @Test
    void aRuntimeAndAClientComeFromTheEnvironment() throws Exception {
        Map<String, String> env = Map.of("COLONIES_SERVER_HOST", "127.0.0.1", "COLONIES_SERVER_HTTP_PORT",
                String.valueOf(server.httpPort()), "COLONIES_SERVER_PORT", "1", "COLONIES_TLS", "false",
                "COLONIES_COLONY_NAME", COLONY, "COLONIES_PRVKEY", key, "COLONIES_EXECUTOR_TYPE", TYPE,
                "COLONIES_EXECUTOR_NAME", "from-env");
        assertEquals(COLONY, ColoniesClient.fromEnv(env).getColonies(SERVER_KEY).get(0).name());
        try (ExecutorRuntime runtime = ExecutorRuntime.fromEnv(env).pollSeconds(1).stopOnShutdown(false)
                .function("f", ctx -> List.of(ctx.process().spec().funcName())).registerAndStart(COLONY_KEY)) {
            ColonyProcess done = awaitFinal(submit("f"));
            assertEquals(List.of("f"), done.out());
            assertEquals("from-env", client.getExecutor(COLONY, "from-env", key).executorName());
        }
    }
}
