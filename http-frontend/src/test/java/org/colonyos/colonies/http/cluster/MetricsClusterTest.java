package org.colonyos.colonies.http.cluster;

import static org.colonyos.colonies.http.PrometheusText.value;
import static org.colonyos.colonies.http.cluster.TestCluster.SERVER_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.colonyos.colonies.http.PrometheusText;
import org.colonyos.colonies.proto.crypto.Identity;
import org.colonyos.colonies.proto.crypto.Secp256k1;
import org.colonyos.colonies.proto.model.Colony;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The Raft metrics of a three-node cluster move as writes are forwarded and leaders change. */
@Timeout(150)
class MetricsClusterTest {
    private static Map<String, Double> scrape(TestCluster cluster, int node) {
        return PrometheusText.parse(new String(cluster.server(node).metrics().scrape(), StandardCharsets.UTF_8));
    }

    @Test
    void forwardedWritesLeaderChangesAndRolesAreCounted(@TempDir Path dir) throws Exception {
        try (TestCluster cluster = TestCluster.start(3, dir)) {
            int leader = cluster.awaitLeader();
            int follower = cluster.otherThan(leader);
            Map<String, Double> before = scrape(cluster, follower);
            assertEquals(1.0, value(before, "colonies_raft_role{role=\"follower\"}"));
            assertEquals(1.0, value(scrape(cluster, leader), "colonies_raft_role{role=\"leader\"}"));
            cluster.client(follower).addColony(new Colony(Identity.idOfPrivateKey(Secp256k1.generatePrivateKey()),
                    "forwarded"), SERVER_KEY);
            Map<String, Double> forwarded = scrape(cluster, follower);
            assertEquals(value(before, "colonies_raft_forwarded_writes_total") + 1,
                    value(forwarded, "colonies_raft_forwarded_writes_total"));
            assertEquals(value(before, "colonies_raft_proposals_total{forwarded=\"true\"}") + 1,
                    value(forwarded, "colonies_raft_proposals_total{forwarded=\"true\"}"));
            assertTrue(value(forwarded, "colonies_raft_commit_index") > value(before, "colonies_raft_commit_index"));
            cluster.stopNode(leader);
            cluster.awaitLeader();
            Map<String, Double> after = scrape(cluster, follower);
            assertTrue(value(after, "colonies_raft_leader_changes_total")
                    > value(before, "colonies_raft_leader_changes_total"), after.toString());
            assertTrue(value(after, "colonies_raft_term") > value(before, "colonies_raft_term"));
        }
    }
}
