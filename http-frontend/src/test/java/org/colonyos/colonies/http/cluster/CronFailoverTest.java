package org.colonyos.colonies.http.cluster;

import static org.colonyos.colonies.http.cluster.TestCluster.SERVER_KEY;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.colonyos.colonies.proto.crypto.Identity;
import org.colonyos.colonies.proto.crypto.Secp256k1;
import org.colonyos.colonies.proto.json.Json;
import org.colonyos.colonies.proto.model.Colony;
import org.colonyos.colonies.proto.model.Cron;
import org.colonyos.colonies.proto.model.FunctionSpec;
import org.colonyos.colonies.proto.model.ProcessGraph;
import org.colonyos.colonies.proto.model.ProcessState;
import org.colonyos.colonies.proto.model.WorkflowSpec;
import org.colonyos.colonies.sdk.ColoniesClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cron that runs every second while its leader stops and comes back at random moments: each run is at least
 * an interval after the one before in replicated time (so no scheduled time ran twice, whichever leader fired
 * it, and however often it was proposed), and runs go on after every leader change.
 */
@Timeout(120)
class CronFailoverTest {
    private static final String COLONY = "timed";

    @Test
    void aCronRunsOncePerScheduledTimeAcrossLeaderChanges(@TempDir Path dir) throws Exception {
        String colonyKey = Secp256k1.generatePrivateKey();
        Random random = new Random(2026);
        try (TestCluster cluster = TestCluster.start(3, dir)) {
            cluster.client(0).addColony(new Colony(Identity.idOfPrivateKey(colonyKey), COLONY), SERVER_KEY);
            String key = cluster.registerExecutor(COLONY, colonyKey, "owner");
            String workflow = Json.toText(new WorkflowSpec(COLONY, List.of(FunctionSpec.of(COLONY, "nobody", "f",
                    List.of()).withNodeName("a"))));
            Cron cron = TestCluster.retrying(() -> cluster.client(0).addCron(Cron.of(COLONY, "tick", "", 1, workflow,
                    false), key));
            for (int round = 0; round < 3; round++) {
                Thread.sleep(500 + random.nextInt(1500));
                int leader = cluster.awaitLeader();
                int before = graphs(cluster.client(cluster.otherThan(leader)), key).size();
                cluster.stopNode(leader);
                cluster.awaitLeader();
                ColoniesClient survivor = cluster.client(cluster.otherThan(leader));
                org.colonyos.colonies.http.Eventually.until(Duration.ofSeconds(30),
                        () -> graphs(survivor, key).size() > before + 1, () -> "no runs after the leader stopped");
                cluster.startNode(leader);
            }
            ColoniesClient client = cluster.client(cluster.awaitLeader());
            TestCluster.retrying(() -> {
                client.removeCron(cron.cronId(), key);
                return null;
            });
            List<Instant> runs = graphs(client, key).stream().map(ProcessGraph::submissionTime)
                    .sorted(Comparator.naturalOrder()).toList();
            assertTrue(runs.size() >= 6, "runs: " + runs.size());
            for (int i = 1; i < runs.size(); i++) {
                assertTrue(!runs.get(i).isBefore(runs.get(i - 1).plusSeconds(1)),
                        "two runs less than an interval apart: " + runs.get(i - 1) + " and " + runs.get(i));
            }
        }
    }

    private static List<ProcessGraph> graphs(ColoniesClient client, String key) {
        try {
            return new ArrayList<>(client.getProcessGraphs(COLONY, ProcessState.WAITING, 100, key));
        } catch (org.colonyos.colonies.sdk.ColoniesException unavailable) {
            return List.of();
        }
    }
}
