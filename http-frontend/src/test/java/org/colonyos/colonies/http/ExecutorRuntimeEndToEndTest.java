package org.colonyos.colonies.http;

import static org.colonyos.colonies.http.TestServer.COLONY_KEY;
import static org.colonyos.colonies.http.TestServer.SERVER_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.colonyos.colonies.http.server.ColoniesServer;
import org.colonyos.colonies.proto.crypto.Identity;
import org.colonyos.colonies.proto.crypto.Secp256k1;
import org.colonyos.colonies.proto.model.Colony;
import org.colonyos.colonies.proto.model.FunctionSpec;
import org.colonyos.colonies.proto.model.ColonyProcess;
import org.colonyos.colonies.proto.model.ProcessState;
import org.colonyos.colonies.sdk.ColoniesClient;
import org.colonyos.colonies.sdk.ExecutorRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The Java executor runtime against a real server: registration, functions, success, failure, stop. */
@Timeout(120)
class ExecutorRuntimeEndToEndTest {

    @Test
    void runsHandlersClosesProcessesAndStops(@TempDir Path dir) throws Exception {
        try (ColoniesServer server = TestServer.start(dir)) {
            ColoniesClient client = TestServer.client(server);
            client.addColony(new Colony(Identity.idOfPrivateKey(COLONY_KEY), "rt"), SERVER_KEY);
            String key = Secp256k1.generatePrivateKey();
            ExecutorRuntime runtime = ExecutorRuntime.builder(client, "rt", key).name("worker").type("java")
                    .pollSeconds(1)
                    .function("echo", ctx -> {
                        ctx.log("echoing " + ctx.args());
                        return ctx.args();
                    })
                    .function("fail", ctx -> {
                        throw new IllegalStateException("as asked");
                    })
                    .registerAndStart(COLONY_KEY);
            try {
                ColonyProcess echoed = await(client, key, client.submit(FunctionSpec.of("rt", "java", "echo",
                        List.of("hello", 2)), key));
                assertEquals(ProcessState.SUCCESS, echoed.state());
                assertEquals(List.of("hello", 2), echoed.out());
                assertEquals(1, client.getLogs("rt", echoed.processId(), "", 10, 0, false, key).size());
                ColonyProcess failed = await(client, key, client.submit(FunctionSpec.of("rt", "java", "fail",
                        List.of()),
                        key));
                assertEquals(List.of("as asked"), failed.errors());
                ColonyProcess unknown = await(client, key, client.submit(FunctionSpec.of("rt", "java", "nope",
                        List.of()), key));
                assertEquals(ProcessState.FAILED, unknown.state());
                assertEquals(2, client.getFunctions("rt", "worker", key).size());
            } finally {
                long start = System.nanoTime();
                runtime.close();
                assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(7), "graceful stop within a poll");
            }
        }
    }

    private static ColonyProcess await(ColoniesClient client, String key, ColonyProcess submitted)
            throws InterruptedException {
        return Eventually.value(Duration.ofSeconds(20), () -> Optional.of(client.getProcess(submitted.processId(),
                key)).filter(p -> ProcessState.isFinal(p.state())), () -> "process never finished");
    }
}
