package org.colonyos.colonies.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import org.colonyos.colonies.config.ApiSettings;
import org.colonyos.colonies.config.ClusterConfig;
import org.colonyos.colonies.config.LogRetention;
import org.colonyos.colonies.config.NodeSettings;
import org.colonyos.colonies.config.PeerAddress;
import org.colonyos.colonies.http.handlers.ServerHandlers;
import org.colonyos.colonies.http.server.ColoniesServer;
import org.colonyos.colonies.proto.crypto.Identity;

/** An in-process one-node server for CLI tests, and the CLI run against it with its output captured. */
final class CliServer implements AutoCloseable {
    static final String SERVER_KEY = "fcc79953d8a751bf41db661592dc34d30004b1a651ffa0725b03ac227641499d";
    static final String COLONY_KEY = "ba949fa134981372d6da62b6a56f336ab4d843b22c02a4257dcf7d0d73097514";
    static final String EXECUTOR_KEY = "ddf7f7791208083b6a9ed975a72684f6406a269cfa36f1b1c32045c0a71fff05";

    final ColoniesServer server;

    /** What a command printed and its exit code. */
    record Run(int code, String out, String err) {
    }

    CliServer(Path dir) throws IOException {
        int raftPort = PeerAddress.freeLoopbackPort();
        server = ColoniesServer.start(new NodeSettings(ClusterConfig.single("cli", new PeerAddress("n1",
                "127.0.0.1", raftPort, 0)), "n1", dir, Identity.idOfPrivateKey(SERVER_KEY),
                LogRetention.snapshotEvery(1000), null),
                new ServerHandlers.BuildInfo("t", "t"), ApiSettings.DEFAULT.withMaxBodyBytes(1 << 20),
                Clock.systemUTC());
    }

    /** Runs a command against this server. */
    Run run(String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(new String[] {"--host", "127.0.0.1", "--port", String.valueOf(server.httpPort())}, 0, all,
                args.length, 4);
        return runOffline(all);
    }

    /** Runs a command against this server as a member of a colony. */
    Run runAs(String colonyName, String prvKey, String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(new String[] {"--colonyname", colonyName, "--prvkey", prvKey}, 0, all, args.length, 4);
        return run(all);
    }

    /** Runs a command exactly as given. */
    static Run runOffline(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        picocli.CommandLine cli = ColoniesCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return new Run(cli.execute(args), out.toString(), err.toString());
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
