package org.colonyos.colonies.http.cluster;

import static org.colonyos.colonies.http.cluster.TestCluster.SERVER_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.colonyos.colonies.config.ClusterConfig;
import org.colonyos.colonies.config.LogRetention;
import org.colonyos.colonies.config.PeerTls;
import org.colonyos.colonies.config.PeerPki;
import org.colonyos.colonies.http.Eventually;
import org.colonyos.colonies.proto.crypto.Identity;
import org.colonyos.colonies.proto.crypto.Secp256k1;
import org.colonyos.colonies.proto.model.Colony;
import org.colonyos.colonies.proto.model.FunctionSpec;
import org.colonyos.colonies.proto.model.ColonyProcess;
import org.colonyos.colonies.proto.model.ProcessState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A three-node cluster whose Raft traffic uses mutual TLS: it replicates, forwards and elects as a plain one
 * does, and a member that restarts with a certificate from a foreign CA, or with no TLS at all, is cut off
 * (it receives nothing while the other two go on) until it has a trusted certificate again.
 */
@Timeout(150)
class PeerTlsClusterTest {
    private static final long CUT_OFF_MILLIS = 3_000;
    private final String colonyKey = Secp256k1.generatePrivateKey();
    private final String executorKey = Secp256k1.generatePrivateKey();

    /** Certificates for n1..n3 and, per node, the CA file it trusts ({@code {node}-ca.pem}). */
    private static PeerTls issue(PeerPki authority, Path pki, List<String> ids) {
        for (String id : ids) {
            issueFor(authority, pki, id);
        }
        return new PeerTls(pki.resolve("{node}.crt").toString(), pki.resolve("{node}.key").toString(),
                pki.resolve("{node}-ca.pem").toString());
    }

    private static void issueFor(PeerPki authority, Path pki, String id) {
        authority.issue(id, List.of("127.0.0.1", "localhost"), pki.resolve(id + ".crt"), pki.resolve(id + ".key"),
                Duration.ofDays(1));
        authority.writeAuthority(pki.resolve(id + "-ca.pem"), null);
    }

    @Test
    void aTlsClusterWorksAndCutsOffAPeerWithoutATrustedCertificate(@TempDir Path dir) throws Exception {
        Path pki = Files.createDirectories(dir.resolve("pki"));
        PeerPki authority = PeerPki.create("cluster-ca", Duration.ofDays(1));
        PeerTls tls = issue(authority, pki, List.of("n1", "n2", "n3"));
        try (TestCluster cluster = TestCluster.start(3, dir.resolve("data"), LogRetention.DEFAULT, tls)) {
            int leader = cluster.awaitLeader();
            int follower = cluster.otherThan(leader);
            int third = cluster.otherThan(leader, follower);
            runOneProcessAcrossNodes(cluster, leader, follower, third);

            String thirdId = cluster.address(third).id();
            ClusterConfig trusted = cluster.config(third);
            cluster.stopNode(third);
            issueFor(PeerPki.create("rogue-ca", Duration.ofDays(1)), pki, thirdId);
            cluster.startNode(third);
            assertCutOff(cluster, third, "while-foreign-ca");

            cluster.stopNode(third);
            cluster.reconfigure(third, new ClusterConfig(trusted.name(), trusted.nodes()));
            cluster.startNode(third);
            assertCutOff(cluster, third, "while-plain");

            cluster.stopNode(third);
            issueFor(authority, pki, thirdId);
            cluster.reconfigure(third, trusted);
            cluster.startNode(third);
            awaitLocally(cluster, third, "while-plain");
            assertTrue(cluster.server(third).node().read(s -> s.colony("while-foreign-ca")).isPresent());
        }
    }

    /** Colony and executor through followers, submit on one node, assign on another, read the result. */
    private void runOneProcessAcrossNodes(TestCluster cluster, int leader, int follower, int third) {
        cluster.addColonyWithExecutor("tls", colonyKey, executorKey, follower, third);
        ColonyProcess submitted = cluster.client(third).submit(FunctionSpec.of("tls", "cli", "f", List.of()),
                executorKey);
        ColonyProcess assigned = cluster.client(follower).assign("tls", 10, "", "", executorKey);
        assertEquals(submitted.processId(), assigned.processId());
        cluster.client(third).closeSuccessful(assigned.processId(), List.of("done"), executorKey);
        ColonyProcess closed = cluster.client(leader).getProcess(submitted.processId(), executorKey);
        assertEquals(ProcessState.SUCCESS, closed.state());
        assertEquals(List.of("done"), closed.out());
    }

    /**
     * The other two nodes accept a write while node {@code index} runs; after a while the node still has not
     * applied it, and it knows no leader.
     */
    private static void assertCutOff(TestCluster cluster, int index, String colony) throws InterruptedException {
        int writer = cluster.otherThan(index);
        TestCluster.retrying(() -> {
            cluster.client(writer).addColony(new Colony(Identity.idOfPrivateKey(Secp256k1.generatePrivateKey()),
                    colony), SERVER_KEY);
            return null;
        });
        Thread.sleep(CUT_OFF_MILLIS);
        assertTrue(cluster.server(index).node().read(s -> s.colony(colony)).isEmpty(),
                "a node without a trusted certificate received '" + colony + "'");
        assertTrue(cluster.server(index).node().leaderId().isEmpty(), "a cut-off node knows no leader");
    }

    /** Waits up to 60 s until node {@code index} has applied the colony (a local read, no barrier). */
    private static void awaitLocally(TestCluster cluster, int index, String colony) throws InterruptedException {
        Eventually.until(Duration.ofSeconds(60), () -> cluster.server(index).node().read(s -> s.colony(colony))
                .isPresent(), () -> "node " + index + " did not catch up after its certificate was fixed");
    }
}
