package org.colonyos.colonies.http.cluster;

import static org.colonyos.colonies.http.cluster.TestCluster.SERVER_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.colonyos.colonies.proto.crypto.Identity;
import org.colonyos.colonies.proto.crypto.Secp256k1;
import org.colonyos.colonies.proto.model.Cluster;
import org.colonyos.colonies.proto.model.Colony;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Five nodes: every node takes writes and serves reads of the others' writes, and with two nodes stopped (the
 * leader among them) the remaining three still form a majority and keep working.
 */
@Timeout(120)
class FiveNodeSmokeTest {
    @Test
    void fiveNodesServeEverythingAndSurviveTwoFailures(@TempDir Path dir) throws Exception {
        try (TestCluster cluster = TestCluster.start(5, dir)) {
            String owner = Identity.idOfPrivateKey(Secp256k1.generatePrivateKey());
            for (int i = 0; i < 5; i++) {
                cluster.client(i).addColony(new Colony(owner, "through-n" + (i + 1)), SERVER_KEY);
            }
            for (int i = 0; i < 5; i++) {
                assertEquals(5, cluster.client(i).getColonies(SERVER_KEY).size(), "node " + i + " reads all");
                assertEquals(5, cluster.clusterSeenBy(i).nodes().size());
            }
            int leader = cluster.awaitLeader();
            cluster.stopNode(leader);
            cluster.stopNode(cluster.otherThan(leader));
            int newLeader = cluster.awaitLeader();
            int survivor = cluster.otherThan(newLeader);
            TestCluster.retrying(() -> cluster.client(survivor).addColony(new Colony(owner, "after"), SERVER_KEY));
            for (int i = 0; i < 5; i++) {
                if (cluster.server(i) != null) {
                    assertEquals(6, cluster.client(i).getColonies(SERVER_KEY).size(), "node " + i + " after");
                }
            }
            Cluster seen = cluster.clusterSeenBy(survivor);
            assertEquals(List.of("n1", "n2", "n3", "n4", "n5"), seen.nodes().stream().map(Cluster.Node::name)
                    .toList());
            assertEquals("n" + (newLeader + 1), seen.leader().name());
        }
    }
}
