package org.colonyos.colonies.cli.server;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.colonyos.colonies.http.server.ColoniesServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code colonies server start}: run a server node. */
@Command(name = "server", description = "Run a Colonies server", subcommands = ServerCommands.Start.class)
public final class ServerCommands {

    @Command(name = "start", description = "Start a one-node server on this machine")
    static final class Start implements Callable<Integer> {
        @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default ${DEFAULT-VALUE})")
        String host;

        @Option(names = "--port", defaultValue = "${env:COLONIES_SERVER_HTTP_PORT:-${env:COLONIES_SERVER_PORT:-50080}}",
                description = "HTTP API port (env COLONIES_SERVER_HTTP_PORT or COLONIES_SERVER_PORT, default 50080)")
        int port;

        @Option(names = "--raft-port", defaultValue = "0", description = "Raft (gRPC) port; 0 picks a free one")
        int raftPort;

        @Option(names = "--data-dir", required = true, description = "Directory for the log, snapshots and state")
        Path dataDir;

        @Option(names = "--server-id", defaultValue = "${env:COLONIES_SERVER_ID:-}",
                description = "Server owner id for a fresh state (env COLONIES_SERVER_ID)")
        String serverId;

        @Option(names = "--max-body-bytes", defaultValue = "" + ColoniesServer.DEFAULT_MAX_BODY_BYTES,
                description = "Largest accepted request body")
        int maxBodyBytes;

        @Override
        public Integer call() throws Exception {
            ColoniesServer server = ServerLauncher.startSingleNode(host, port, raftPort, dataDir, serverId,
                    maxBodyBytes);
            ServerLauncher.runUntilShutdown(server);
            return 0;
        }
    }
}
