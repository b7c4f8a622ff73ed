package org.colonyos.colonies.cli.server;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.colonyos.colonies.cfs.S3Blobs;
import java.time.Duration;
import java.util.List;
import org.colonyos.colonies.config.ApiSettings;
import org.colonyos.colonies.config.LogRetention;
import org.colonyos.colonies.http.server.ColoniesServer;
import org.colonyos.colonies.proto.crypto.Identity;
import org.colonyos.colonies.proto.model.Colony;
import org.colonyos.colonies.proto.model.Executor;
import org.colonyos.colonies.sdk.ClientTls;
import org.colonyos.colonies.sdk.ColoniesClient;
import org.colonyos.colonies.sdk.HttpEngine;
import org.colonyos.colonies.sdk.ExecutorRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code colonies dev}: a one-node server with a colony, an approved executor and their keys, printing the
 * environment a client needs; a built-in executor runs {@code echo} (and {@code sh} when explicitly allowed).
 * Started again on the same {@code --data-dir} it serves the same colony with the same keys ({@link DevKeys});
 * without one it works in a temporary directory that it removes when it stops. An embedded S3 endpoint
 * ({@link EmbeddedS3}, in the data directory's {@code s3}) holds CFS bytes, and its exports come with the others.
 */
@Command(name = "dev", description = "Start a development server with a ready colony and keys")
public final class DevCommand implements Callable<Integer> {
    private static final String EXECUTOR = "dev-executor";

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "50080", description = "HTTP API port (default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--data-dir", description = "Data directory; started again on it, the server keeps its colony "
            + "and keys (default: a new temporary directory, removed on exit)")
    Path dataDir;

    @Option(names = "--colony", defaultValue = "dev",
            description = "Colony name of a new data directory (default ${DEFAULT-VALUE})")
    String colonyName;

    @Option(names = "--s3-port", defaultValue = "0",
            description = "Port of the embedded S3 endpoint for CFS (default: a free port)")
    int s3Port;

    @Option(names = "--allow-shell", description = "Let the built-in executor run shell commands (function sh)")
    boolean allowShell;

    @Option(names = "--tls", description = "Serve the API over TLS with a certificate from a CA of its own, kept "
            + "in the data directory; the exports name the CA file clients trust")
    boolean tls;

    @Override
    public Integer call() throws Exception {
        boolean temporary = dataDir == null;
        Path dir = temporary ? Files.createTempDirectory("colonies-dev-") : Files.createDirectories(dataDir);
        Optional<DevKeys> saved = DevKeys.load(dir);
        DevKeys keys = saved.orElseGet(() -> DevKeys.generate(colonyName));
        Optional<DevTls> devTls = tls ? Optional.of(DevTls.in(dir)) : Optional.empty();
        IdleHeap.apply();
        ColoniesServer server = ServerLauncher.startSingleNode("127.0.0.1", port, 0, dir,
                Identity.idOfPrivateKey(keys.serverKey()),
                ApiSettings.fromEnv(System.getenv()).withTls(devTls.map(DevTls::api)), LogRetention.DEFAULT);
        ColoniesClient client = new ColoniesClient(List.of(URI.create(server.url())), Duration.ofSeconds(60),
                HttpEngine.JDK_CLIENT, devTls.map(t -> ClientTls.trusting(t.caFile())).orElse(ClientTls.systemTrust()));
        if (saved.isEmpty()) {
            setUp(client, keys);
            keys.save(dir);
        }
        EmbeddedS3 s3 = EmbeddedS3.start(dir.resolve("s3"), s3Port);
        S3Blobs.open(s3.settings()).close();
        ExecutorRuntime executor = BuiltinFunctions.register(ExecutorRuntime.builder(client, keys.colonyName(),
                keys.executorKey()).name(EXECUTOR).type("cli").pollSeconds(5).stopOnShutdown(false), allowShell)
                .start();
        printExports(server, dir, keys, saved.isPresent(), devTls);
        spec.commandLine().getOut().print(s3.settings().exports());
        spec.commandLine().getOut().printf("# CFS: colonies fs sync -l /data -d ./data%n# Stop with Ctrl-C.%n");
        spec.commandLine().getOut().flush();
        ServerLauncher.runUntilShutdown(server, () -> {
            executor.close();
            s3.close();
        }, temporary ? () -> TempDirs.delete(dir) : () -> { });
        return 0;
    }

    /** {@code bin/colonies} of the source tree whose {@code cli/target} holds the running jar, if there is one. */
    private static Optional<Path> launcher() {
        try {
            Path jar = Path.of(DevCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path root = jar.toAbsolutePath().getParent().getParent().getParent();
            return Optional.of(root.resolve("bin").resolve("colonies")).filter(Files::isExecutable);
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The colony and the approved built-in executor of a new dev server. */
    private static void setUp(ColoniesClient client, DevKeys keys) {
        client.addColony(new Colony(Identity.idOfPrivateKey(keys.colonyKey()), keys.colonyName()), keys.serverKey());
        client.addExecutor(Executor.of(Identity.idOfPrivateKey(keys.executorKey()), "cli", EXECUTOR,
                keys.colonyName()), keys.colonyKey());
        client.approveExecutor(keys.colonyName(), EXECUTOR, keys.colonyKey());
    }

    private void printExports(ColoniesServer server, Path dir, DevKeys keys, boolean restarted,
            Optional<DevTls> devTls) {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("# Colonies dev server at %s (data in %s%s)%n", server.url(), dir,
                restarted ? ", restarted with its saved keys" : "");
        out.printf("export COLONIES_SERVER_HOST=127.0.0.1%nexport COLONIES_SERVER_HTTP_PORT=%d%n"
                + "export COLONIES_SERVER_PORT=%d%nexport COLONIES_TLS=%s%n", server.httpPort(), server.httpPort(),
                devTls.isPresent());
        devTls.ifPresent(t -> out.printf("export COLONIES_TLS_CA=%s%n", t.caFile()));
        out.printf("export COLONIES_SERVER_PRVKEY=%s%nexport COLONIES_COLONY_NAME=%s%n", keys.serverKey(),
                keys.colonyName());
        out.printf("export COLONIES_COLONY_PRVKEY=%s%nexport COLONIES_PRVKEY=%s%n", keys.colonyKey(),
                keys.executorKey());
        out.printf("export COLONIES_EXECUTOR_TYPE=cli%n");
        out.printf("# Built-in executor %s runs: %s%n", EXECUTOR, allowShell ? "echo, sh"
                : "echo (sh with --allow-shell)");
        out.printf("# Try: colonies function exec --func echo --args hello --wait%n");
        launcher().ifPresent(bin -> out.printf("# A faster colonies for client commands: export PATH=\"%s:$PATH\"%n",
                bin.getParent()));
        out.flush();
    }
}
