package org.colonyos.colonies.cli.server;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.colonyos.colonies.config.LogRetention;
import org.colonyos.colonies.http.server.ColoniesServer;
import org.colonyos.colonies.proto.crypto.Identity;
import org.colonyos.colonies.proto.crypto.Secp256k1;
import org.colonyos.colonies.proto.model.Colony;
import org.colonyos.colonies.proto.model.Executor;
import org.colonyos.colonies.sdk.ColoniesClient;
import org.colonyos.colonies.sdk.ExecutorRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code colonies dev}: a one-node server in a fresh data directory with fresh keys, a colony and an approved
 * executor, printing the environment a client needs; a built-in executor runs {@code echo} (and {@code sh} when
 * explicitly allowed).
 */
@Command(name = "dev", description = "Start a development server with a ready colony and keys")
public final class DevCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "50080", description = "HTTP API port (default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--data-dir", description = "Data directory (default: a new temporary directory)")
    Path dataDir;

    @Option(names = "--colony", defaultValue = "dev", description = "Colony name (default ${DEFAULT-VALUE})")
    String colonyName;

    @Option(names = "--allow-shell", description = "Let the built-in executor run shell commands (function sh)")
    boolean allowShell;

    @Override
    public Integer call() throws Exception {
        Path dir = dataDir != null ? dataDir : Files.createTempDirectory("colonies-dev-");
        String serverKey = Secp256k1.generatePrivateKey();
        String colonyKey = Secp256k1.generatePrivateKey();
        String executorKey = Secp256k1.generatePrivateKey();
        ColoniesServer server = ServerLauncher.startSingleNode("127.0.0.1", port, 0, dir,
                Identity.idOfPrivateKey(serverKey), ColoniesServer.DEFAULT_MAX_BODY_BYTES, LogRetention.DEFAULT);
        ColoniesClient client = new ColoniesClient(URI.create(server.url()));
        client.addColony(new Colony(Identity.idOfPrivateKey(colonyKey), colonyName), serverKey);
        client.addExecutor(Executor.of(Identity.idOfPrivateKey(executorKey), "cli", "dev-executor", colonyName),
                colonyKey);
        client.approveExecutor(colonyName, "dev-executor", colonyKey);
        ExecutorRuntime executor = BuiltinFunctions.register(ExecutorRuntime.builder(client, colonyName, executorKey)
                .name("dev-executor").type("cli").pollSeconds(5), allowShell).start();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("# Colonies dev server at %s (data in %s)%n", server.url(), dir);
        out.printf("export COLONIES_SERVER_HOST=127.0.0.1%nexport COLONIES_SERVER_HTTP_PORT=%d%n"
                + "export COLONIES_SERVER_PORT=%d%nexport COLONIES_TLS=false%n", server.httpPort(), server.httpPort());
        out.printf("export COLONIES_SERVER_PRVKEY=%s%nexport COLONIES_COLONY_NAME=%s%n", serverKey, colonyName);
        out.printf("export COLONIES_COLONY_PRVKEY=%s%nexport COLONIES_PRVKEY=%s%n", colonyKey, executorKey);
        out.printf("export COLONIES_EXECUTOR_TYPE=cli%n");
        out.printf("# Built-in executor dev-executor runs: %s%n", allowShell ? "echo, sh" : "echo (sh with --allow-shell)");
        out.printf("# Try: colonies function exec --func echo --args hello --wait%n# Stop with Ctrl-C.%n");
        out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(executor::close));
        ServerLauncher.runUntilShutdown(server);
        return 0;
    }
}
