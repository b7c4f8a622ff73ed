package org.colonyos.colonies.cli.server;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.colonyos.colonies.cli.ClientCommand;
import org.colonyos.colonies.proto.model.Cluster;
import org.colonyos.colonies.cli.output.Printer.Column;
import org.colonyos.colonies.config.ClusterConfig;
import org.colonyos.colonies.config.PeerPki;
import org.colonyos.colonies.config.PeerTls;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code colonies cluster}: cluster files. */
@Command(name = "cluster", description = "Cluster files and cluster state",
        subcommands = {ClusterCommands.Init.class, ClusterCommands.Info.class, ClusterCommands.Add.class,
                ClusterCommands.Remove.class})
public final class ClusterCommands {

    /** {@code colonies cluster info}: the members and the leader as the server sees them (server owner key). */
    @Command(name = "info", description = "Show the cluster's members and leader (server owner key)")
    static final class Info extends ClientCommand {
        @Override
        protected void run() {
            Cluster cluster = client().getCluster(options.serverPrvKey());
            String leader = cluster.leader() == null ? "" : cluster.leader().name();
            printer().table(cluster.nodes(), new Column<Cluster.Node>("NODE", Cluster.Node::name),
                    new Column<Cluster.Node>("HOST", Cluster.Node::host),
                    new Column<Cluster.Node>("APIPORT", Cluster.Node::apiPort),
                    new Column<Cluster.Node>("RAFTPORT", Cluster.Node::peerPort),
                    new Column<Cluster.Node>("LEADER", node -> node.name().equals(leader) ? "yes" : ""));
        }
    }

    /** {@code colonies cluster add}: adds a started node to the Raft group (server owner key). */
    @Command(name = "add", description = "Add a running node to the cluster's Raft group (server owner key)")
    static final class Add extends ClientCommand {
        @Option(names = "--name", required = true, description = "Node id of the new member")
        String name;

        @Option(names = "--node-host", required = true, description = "Host its peers and clients reach it on")
        String host;

        @Option(names = "--raft-port", required = true, description = "Its Raft port")
        int raftPort;

        @Option(names = "--http-port", required = true, description = "Its HTTP API port")
        int httpPort;

        @Override
        protected void run() {
            printer().item(client().addClusterMember(name, host, raftPort, httpPort, options.serverPrvKey()));
        }
    }

    /** {@code colonies cluster remove}: removes a member from the Raft group (server owner key). */
    @Command(name = "remove", description = "Remove a member from the cluster's Raft group (server owner key)")
    static final class Remove extends ClientCommand {
        @Option(names = "--name", required = true, description = "Node id of the member to remove")
        String name;

        @Override
        protected void run() {
            printer().item(client().removeClusterMember(name, options.serverPrvKey()));
        }
    }

    /** The peer TLS files of {@code cluster init}; {@code {node}} in a path stands for the node id. */
    static final class PeerTlsOptions {
        @Option(names = "--peer-cert", required = true, description = "PEM certificate chain of a node")
        String certFile;

        @Option(names = "--peer-key", required = true, description = "PKCS#8 PEM private key of a node")
        String keyFile;

        @Option(names = "--peer-ca", required = true, description = "PEM certificates of the CAs peers trust")
        String caFile;
    }

    /** {@code colonies cluster init}: prints a cluster file for N nodes with consecutive ports. */
    @Command(name = "init", description = "Print a cluster file for N nodes on one host with consecutive ports")
    static final class Init implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--nodes", defaultValue = "3", description = "Number of nodes (default ${DEFAULT-VALUE})")
        int nodes;

        @Option(names = "--host", defaultValue = "127.0.0.1",
                description = "Host of every node (default ${DEFAULT-VALUE})")
        String host;

        @Option(names = "--raft-port", defaultValue = "7101",
                description = "Raft port of n1 (default ${DEFAULT-VALUE})")
        int raftPort;

        @Option(names = "--http-port", defaultValue = "50081",
                description = "HTTP port of n1 (default ${DEFAULT-VALUE})")
        int httpPort;

        @Option(names = "--name", defaultValue = "colonies", description = "Cluster name (default ${DEFAULT-VALUE})")
        String name;

        @ArgGroup(exclusive = false, heading = "Mutual TLS between the nodes (all three, or none):%n")
        PeerTlsOptions peerTls;

        @Option(names = "--tls-dir", description = "Generate mutual TLS between the nodes: a CA (ca.pem, ca.key; "
                + "reused if the directory has one) and a certificate and key per node, written to this directory")
        Path tlsDir;

        @Override
        public Integer call() {
            ClusterConfig config = ClusterConfig.generate(name, nodes, host, raftPort, httpPort);
            if (peerTls != null && tlsDir != null) {
                throw new ParameterException(spec.commandLine(), "--tls-dir generates the peer TLS files; "
                        + "do not name them as well");
            }
            if (peerTls != null) {
                config = config.withPeerTls(new PeerTls(peerTls.certFile, peerTls.keyFile, peerTls.caFile));
            }
            if (tlsDir != null) {
                config = config.withPeerTls(PeerPki.issueCluster(tlsDir.toAbsolutePath(), config));
                spec.commandLine().getErr().println("peer TLS files written to " + tlsDir.toAbsolutePath()
                        + " (keep ca.key offline; copy ca.pem, <node>.crt and <node>.key to each node)");
            }
            config.warnings().forEach(w -> spec.commandLine().getErr().println("warning: " + w));
            spec.commandLine().getOut().println(config.toJson());
            return 0;
        }
    }
}
