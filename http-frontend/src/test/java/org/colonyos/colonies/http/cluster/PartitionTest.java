package org.colonyos.colonies.http.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.colonyos.colonies.proto.crypto.Secp256k1;
import org.colonyos.colonies.proto.model.FunctionSpec;
import org.colonyos.colonies.proto.model.ColonyProcess;
import org.colonyos.colonies.sdk.ColoniesException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A minority partition: the node cut off from the others makes no progress and serves no stale linearizable
 * read (it answers 503 rather than "not found" for a process it has not seen), while the majority keeps
 * accepting writes and serving reads; after the partition heals, the minority node catches up.
 */
@Timeout(120)
class PartitionTest {
    private final String colonyKey = Secp256k1.generatePrivateKey();
    private final String executorKey = Secp256k1.generatePrivateKey();

    @Test
    void theMinorityStallsWithoutStaleReadsAndTheMajorityWorks(@TempDir Path dir) throws Exception {
        try (TestCluster cluster = TestCluster.start(3, dir)) {
            int leader = cluster.awaitLeader();
            int minority = cluster.otherThan(leader);
            int follower = cluster.otherThan(leader, minority);
            cluster.addColonyWithExecutor("split", colonyKey, executorKey, leader, follower);
            ColonyProcess before = submit(cluster, leader, "before");
            cluster.client(minority).getProcess(before.processId(), executorKey);

            ColonyProcess during;
            try (Partition partition = Partition.isolate(cluster, minority)) {
                during = submit(cluster, follower, "during");
                assertEquals(during.processId(), cluster.client(leader).getProcess(during.processId(), executorKey)
                        .processId(), "the majority serves reads");

                ColoniesException staleRead = assertThrows(ColoniesException.class,
                        () -> cluster.client(minority).getProcess(during.processId(), executorKey));
                assertEquals(503, staleRead.status(), "no stale 'not found': " + staleRead.getMessage());
                ColoniesException write = assertThrows(ColoniesException.class, () -> submit(cluster, minority,
                        "cut-off"));
                assertEquals(503, write.status(), write.getMessage());
                assertEquals(2, cluster.client(leader).getProcesses("split", 0, 100, "", "", "", executorKey).size(),
                        "the cut-off write did not happen");
            }
            ColonyProcess caughtUp = TestCluster.retrying(() -> cluster.client(minority).getProcess(during.processId(),
                    executorKey));
            assertEquals(during.processId(), caughtUp.processId());
            submit(cluster, minority, "after");
            assertEquals(3, cluster.client(leader).getProcesses("split", 0, 100, "", "", "", executorKey).size());
        }
    }

    private ColonyProcess submit(TestCluster cluster, int node, String name) {
        return cluster.client(node).submit(FunctionSpec.of("split", "cli", name, List.of()), executorKey);
    }
}
