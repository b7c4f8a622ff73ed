package org.colonyos.colonies.http.cluster;

import static org.colonyos.colonies.http.cluster.TestCluster.SERVER_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.colonyos.colonies.config.LogRetention;
import org.colonyos.colonies.http.Eventually;
import org.colonyos.colonies.proto.crypto.Identity;
import org.colonyos.colonies.proto.crypto.Secp256k1;
import org.colonyos.colonies.proto.model.Colony;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A follower that was down while the others snapshotted and purged their logs past its last entry catches up
 * by installing the leader's snapshot (java-stack.md P1, P4, P5), then follows the log again. Small snapshot
 * intervals, tiny log segments and no preserved tail make the purge happen after a few hundred writes.
 */
@Timeout(120)
class SnapshotCatchUpTest {
    private static final LogRetention AGGRESSIVE = new LogRetention(40, 4 * 1024, 0);

    @Test
    void aFollowerBehindThePurgedLogInstallsTheLeadersSnapshot(@TempDir Path dir) throws Exception {
        try (TestCluster cluster = TestCluster.start(3, dir, AGGRESSIVE)) {
            int leader = cluster.awaitLeader();
            int lagging = cluster.otherThan(leader);
            int other = cluster.otherThan(leader, lagging);
            cluster.stopNode(lagging);
            String owner = Secp256k1.generatePrivateKey();
            for (int i = 0; i < 300; i++) {
                cluster.client(leader).addColony(new Colony(Identity.idOfPrivateKey(owner), "c" + i), SERVER_KEY);
            }
            long purgedUpTo = awaitPurge(cluster, leader);
            assertTrue(cluster.server(other).node().logStartIndex() > 1, "the other follower purged too");

            cluster.startNode(lagging);
            awaitColonies(cluster, lagging, 300);
            assertEquals(1, cluster.server(lagging).node().snapshotsInstalled(),
                    "caught up by one snapshot install (leader log starts at " + purgedUpTo + ")");

            cluster.client(other).addColony(new Colony(Identity.idOfPrivateKey(owner), "after"), SERVER_KEY);
            awaitColonies(cluster, lagging, 301);
            assertEquals(1, cluster.server(lagging).node().snapshotsInstalled(), "then follows the log");
        }
    }

    /** Waits until the leader's log no longer holds the entries the stopped node missed; returns its start. */
    private static long awaitPurge(TestCluster cluster, int leader) throws InterruptedException {
        return Eventually.value(Duration.ofSeconds(30),
                () -> Optional.of(cluster.server(leader).node().logStartIndex()).filter(start -> start > 100),
                () -> "the leader did not purge its log: it starts at "
                        + cluster.server(leader).node().logStartIndex());
    }

    /** Waits until node {@code index} lists {@code count} colonies (read on that node, linearizable). */
    private static void awaitColonies(TestCluster cluster, int index, int count) throws InterruptedException {
        int[] seen = {-1};
        Eventually.until(Duration.ofSeconds(30), () -> {
            try {
                seen[0] = cluster.client(index).getColonies(SERVER_KEY).size();
            } catch (RuntimeException notReadyYet) {
                seen[0] = -1;
            }
            return seen[0] == count;
        }, () -> "node " + index + " lists " + seen[0] + " colonies, expected " + count);
    }
}
