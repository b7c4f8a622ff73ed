package org.colonyos.colonies.cli.server;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.colonyos.colonies.cli.ClientCommand;
import org.colonyos.colonies.cli.output.Printer.Column;
import org.colonyos.colonies.http.server.ColoniesServer;
import org.colonyos.colonies.proto.model.ServerInfo;
import picocli.CommandLine.Command;
import java.util.Map;
import org.colonyos.colonies.config.ApiSettings;
import org.colonyos.colonies.config.ApiTls;
import org.colonyos.colonies.config.ClusterConfig;
import org.colonyos.colonies.config.LogRetention;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code colonies server}: run a server node ({@code start}), and ask a running one how it is ({@code status},
 * {@code alive}, {@code stats}).
 */
@Command(name = "server", description = "Run a Colonies server, or ask a running one how it is",
        subcommands = {ServerCommands.Start.class, ServerCommands.Status.class, ServerCommands.Alive.class,
            ServerCommands.Stats.class})
public final class ServerCommands {
    @Command(name = "status", description = "Show the server's version and listeners (no key needed)")
    static final class Status extends ClientCommand {
        @Override
        protected void run() {
            ServerInfo info = client().serverInfo();
            printer().table(info.backends(), new Column<ServerInfo.Backend>("TYPE", ServerInfo.Backend::type),
                    new Column<ServerInfo.Backend>("HOST", ServerInfo.Backend::host),
                    new Column<ServerInfo.Backend>("PORT", ServerInfo.Backend::port),
                    new Column<ServerInfo.Backend>("TLS", ServerInfo.Backend::tls),
                    new Column<ServerInfo.Backend>("VERSION", backend -> info.buildVersion()),
                    new Column<ServerInfo.Backend>("BUILT", backend -> info.buildTime()));
        }
    }

    @Command(name = "alive", description = "Exit 0 when the server answers, 1 when it does not (a health check)")
    static final class Alive extends ClientCommand {
        @Override
        protected void run() {
            client().version();
            printer().done("Server at " + options.url() + " is alive");
        }
    }

    @Command(name = "stats", description = "Show the server's statistics over all colonies (server owner key)")
    static final class Stats extends ClientCommand {
        @Override
        protected void run() {
            printer().item(client().getStatistics(options.serverPrvKey()));
        }
    }


    @Command(name = "start", description = "Start a one-node server, or with --cluster and --node one node of a "
            + "cluster")
    static final class Start implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--cluster", description = "Cluster file (see 'colonies cluster init'); host and ports "
                + "then come from the file")
        Path clusterFile;

        @Option(names = "--node", description = "This node's id in the cluster file")
        String node;

        @Option(names = "--host", defaultValue = "127.0.0.1",
                description = "Address to listen on (default ${DEFAULT-VALUE})")
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

        @Option(names = "--max-body-bytes", defaultValue = "" + ApiSettings.DEFAULT_MAX_BODY_BYTES,
                description = "Largest accepted request body (default ${DEFAULT-VALUE})")
        int maxBodyBytes;

        @Option(names = "--tlscert", description = "Serve the API over TLS with this PEM certificate chain (env "
                + "COLONIES_TLSCERT or COLONIES_SERVER_HTTP_TLS_CERT, used when COLONIES_TLS=true); reloaded when "
                + "the file changes or on SIGHUP")
        String tlsCert;

        @Option(names = "--tlskey", description = "The certificate's PEM private key, RSA or EC (env "
                + "COLONIES_TLSKEY or COLONIES_SERVER_HTTP_TLS_KEY)")
        String tlsKey;

        @Option(names = "--insecure", description = "Serve plain HTTP even if COLONIES_TLS=true")
        boolean insecure;

        @Option(names = "--metrics", arity = "0..1", defaultValue = "${env:COLONIES_SERVER_METRICS:-true}",
                fallbackValue = "true", description = "Serve Prometheus metrics at GET /metrics (env "
                        + "COLONIES_SERVER_METRICS, default true; --metrics=false turns them off)")
        boolean metrics;

        @Option(names = "--snapshot-every", defaultValue = "${env:COLONIES_SNAPSHOT_EVERY:-"
                + LogRetention.DEFAULT_SNAPSHOT_EVERY + "}",
                description = "Applied log entries between snapshots (env COLONIES_SNAPSHOT_EVERY, default "
                        + LogRetention.DEFAULT_SNAPSHOT_EVERY + "); see docs/cluster.md")
        long snapshotEvery;

        @Option(names = "--s3-dir", description = "Serve CFS bytes from an embedded S3 endpoint over this directory "
                + "(one node only: a cluster uses external S3, see docs/cluster.md)")
        Path s3Dir;

        @Option(names = "--s3-port", defaultValue = "0",
                description = "Port of the embedded S3 endpoint (default: a free port)")
        int s3Port;

        @Override
        public Integer call() throws Exception {
            if ((clusterFile == null) != (node == null)) {
                throw new ParameterException(spec.commandLine(), "--cluster and --node go together");
            }
            if (s3Dir != null && clusterFile != null) {
                throw new ParameterException(spec.commandLine(), "--s3-dir serves one node only: the embedded S3 is "
                        + "not replicated, so a cluster uses external S3 (see docs/cluster.md)");
            }
            IdleHeap.apply();
            ColoniesServer server;
            LogRetention retention = LogRetention.snapshotEvery(snapshotEvery);
            Map<String, String> env = System.getenv();
            ApiSettings api = ApiSettings.fromEnv(env).withMaxBodyBytes(maxBodyBytes)
                    .withTls(ApiTls.fromEnv(env, tlsCert, tlsKey, insecure)).withMetrics(metrics);
            if (clusterFile == null) {
                server = ServerLauncher.startSingleNode(host, port, raftPort, dataDir, serverId, api, retention);
            } else {
                ClusterConfig cluster = ClusterConfig.load(clusterFile);
                cluster.warnings().forEach(w -> spec.commandLine().getErr().println("warning: " + w));
                server = ServerLauncher.startClusterNode(cluster, node, dataDir, serverId, api, retention);
            }
            if (s3Dir == null) {
                ServerLauncher.runUntilShutdown(server);
                return 0;
            }
            EmbeddedS3 s3 = EmbeddedS3.start(s3Dir, s3Port);
            spec.commandLine().getOut().printf("# CFS: embedded S3 at http://%s, bucket %s, credentials in %s%n",
                    s3.settings().endpoint(), EmbeddedS3.BUCKET, s3.credentialsFile());
            spec.commandLine().getOut().flush();
            ServerLauncher.runUntilShutdown(server, s3, () -> { });
            return 0;
        }
    }
}
