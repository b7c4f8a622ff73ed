package org.colonyos.colonies.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.colonyos.colonies.cli.ColoniesCli;
import org.colonyos.colonies.cli.server.ServerLauncher;
import org.colonyos.colonies.proto.crypto.Identity;
import org.colonyos.colonies.proto.crypto.Secp256k1;
import org.colonyos.colonies.proto.model.Colony;
import org.colonyos.colonies.sdk.ColoniesClient;
import org.colonyos.colonies.sdk.ColoniesException;
import org.colonyos.colonies.sdk.ExecutorRuntime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/**
 * The examples end to end against an in-process server: the executor serves what the CLI submits, the submitter
 * gets its result, the workflow submitter its two outputs, the executor as its own JVM keeps serving after
 * {@code main} and stops on SIGTERM; and the runtime classpath a user's project gets holds no server code.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(180)
class ExamplesTest {
    private ServerLauncher.LocalCluster server;

    @BeforeAll
    void start() throws Exception {
        server = ServerLauncher.startLocalCluster(1);
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    /** The variables {@code colonies dev} would print, for a new colony of this name. */
    private Map<String, String> env(String colony) {
        String colonyKey = Secp256k1.generatePrivateKey();
        new ColoniesClient(server.url()).addColony(new Colony(Identity.idOfPrivateKey(colonyKey), colony),
                server.serverPrvKey());
        return Map.of("COLONIES_SERVER_HOST", "127.0.0.1", "COLONIES_SERVER_HTTP_PORT",
                String.valueOf(server.url().getPort()), "COLONIES_TLS", "false", "COLONIES_COLONY_NAME", colony,
                "COLONIES_COLONY_PRVKEY", colonyKey, "COLONIES_PRVKEY", Secp256k1.generatePrivateKey());
    }

    @Test
    void theExecutorServesWhatTheCliSubmits() {
        Map<String, String> env = env("cli-driven");
        try (ExecutorRuntime executor = HelloExecutor.start(env)) {
            StringWriter out = new StringWriter();
            CommandLine cli = ColoniesCli.commandLine();
            cli.setOut(new PrintWriter(out));
            int code = cli.execute("function", "exec", "--func", "hello", "--args", "world", "--targettype",
                    "hello-java", "--wait", "--host", "127.0.0.1", "--port", env.get("COLONIES_SERVER_HTTP_PORT"),
                    "--prvkey", env.get("COLONIES_PRVKEY"), "--colonyname", "cli-driven");
            assertEquals(0, code, out.toString());
            assertTrue(out.toString().contains("Hello, world!"), out.toString());
        }
    }

    @Test
    void theSubmitterAndTheWorkflowSubmitterGetTheirResults() throws Exception {
        Map<String, String> env = env("submitted");
        try (ExecutorRuntime executor = HelloExecutor.start(env)) {
            assertEquals(List.of("Hello, java!"), SubmitAndWait.greet(env, "java"));
            assertEquals(List.of("Hello, again!", "Hello, world!"), WorkflowSubmit.run(env).stream()
                    .map(Object::toString).sorted().toList());
        }
    }

    private static List<String> runtimeClasspath() throws Exception {
        return List.of(Files.readString(Path.of("target", "runtime-classpath.txt")).trim().split(File.pathSeparator));
    }

    @Test
    void theClientArtifactsBringNoServerCode() throws Exception {
        List<String> classpath = runtimeClasspath();
        assertTrue(classpath.stream().anyMatch(entry -> entry.contains("executor-sdk")), classpath.toString());
        assertTrue(classpath.stream().anyMatch(entry -> entry.contains("cfs")), classpath.toString());
        for (String server : List.of("ratis", "mapdb", "netty", "http-frontend", "raft-state-machine",
                "cluster-config", "s3proxy", "jetty", "picocli", "prometheus")) {
            assertTrue(classpath.stream().noneMatch(entry -> Path.of(entry).getFileName().toString()
                    .contains(server) || entry.contains(File.separator + server + File.separator)),
                    server + " on the client classpath: " + classpath);
        }
    }

    /** Greets as soon as the executor in the other JVM has registered itself (until then the key is no member). */
    private static List<Object> greetOnceRegistered(Map<String, String> env, Path log) throws Exception {
        for (int attempt = 0; attempt < 300; attempt++) {
            try {
                return SubmitAndWait.greet(env, "jvm");
            } catch (ColoniesException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("the executor never registered: " + Files.readString(log));
    }

    @Test
    void theExecutorAsItsOwnJvmServesUntilSigterm() throws Exception {
        Map<String, String> env = env("own-jvm");
        List<String> classpath = new ArrayList<>(runtimeClasspath());
        classpath.add(0, Path.of("target", "classes").toAbsolutePath().toString());
        Path log = Files.createTempFile("hello-executor-", ".log");
        ProcessBuilder builder = new ProcessBuilder("java", "-cp", String.join(File.pathSeparator, classpath),
                HelloExecutor.class.getName()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        java.lang.Process executor = builder.start();
        try {
            assertEquals(List.of("Hello, jvm!"), greetOnceRegistered(env, log));
            assertTrue(executor.isAlive(), "main() did not return while the executor serves");
            executor.destroy();
            assertTrue(executor.waitFor(60, TimeUnit.SECONDS), "stopped on SIGTERM: " + Files.readString(log));
            assertTrue(Files.readString(log).contains("executor hello-java stopped"), Files.readString(log));
        } finally {
            executor.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }
}
