package org.colonyos.colonies.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterConfigTest {
    private static PeerAddress node(String id, int raft, int http) {
        return new PeerAddress(id, "127.0.0.1", raft, http);
    }

    @Test
    void aValidClusterPasses() {
        ClusterConfig config = new ClusterConfig("c", List.of(node("n1", 7101, 50081), node("n2", 7102, 50082)));
        assertEquals(config, config.validate());
        assertEquals("127.0.0.1:7102", config.node("n2").raftAddress());
    }

    @Test
    void problemsAreNamed() {
        assertEquals("duplicate node id 'n1'", assertThrows(ConfigException.class, () ->
                new ClusterConfig("c", List.of(node("n1", 1, 2), node("n1", 3, 4))).validate()).getMessage());
        assertEquals("duplicate port 127.0.0.1:2 (node 'n2')", assertThrows(ConfigException.class, () ->
                new ClusterConfig("c", List.of(node("n1", 1, 2), node("n2", 2, 4))).validate()).getMessage());
        assertEquals("node 'n1': httpPort 70000 is not in 0..65535", assertThrows(ConfigException.class, () ->
                new ClusterConfig("c", List.of(node("n1", 1, 70000))).validate()).getMessage());
        assertThrows(ConfigException.class, () -> new ClusterConfig("", List.of(node("n1", 1, 2))).validate());
        assertThrows(ConfigException.class, () -> new ClusterConfig("c", List.of()).validate());
        assertThrows(ConfigException.class, () -> ClusterConfig.single("c", node("n1", 1, 2)).node("n9"));
    }

    @Test
    void nodeSettingsCheckTheirNodeAndInterval() {
        ClusterConfig one = ClusterConfig.single("c", node("n1", 1, 2));
        assertThrows(ConfigException.class, () -> new NodeSettings(one, "n2", Path.of("d"), ""));
        assertThrows(ConfigException.class, () -> LogRetention.snapshotEvery(0));
        assertThrows(ConfigException.class, () -> new LogRetention(10, 100, 0));
        assertThrows(ConfigException.class, () -> new LogRetention(10, 4096, -1));
        assertEquals("", new NodeSettings(one, "n1", Path.of("d"), null).serverId());
        assertEquals(LogRetention.DEFAULT, new NodeSettings(one, "n1", Path.of("d"), null).retention());
    }

    @Test
    void generatedClustersRoundTripThroughTheFileFormat(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        ClusterConfig three = ClusterConfig.generate("prod", 3, "127.0.0.1", 7101, 50081);
        assertEquals(List.of(node("n1", 7101, 50081), node("n2", 7102, 50082), node("n3", 7103, 50083)),
                three.nodes());
        Path file = dir.resolve("cluster.json");
        java.nio.file.Files.writeString(file, three.toJson());
        assertEquals(three, ClusterConfig.load(file));
        assertEquals(List.of(), three.warnings());
        assertEquals(1, ClusterConfig.generate("even", 4, "h", 1, 100).warnings().size());
    }

    @Test
    void badFilesAreRefusedWithTheirNameAndTheProblem(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("c.json");
        java.nio.file.Files.writeString(file, "{\"name\": \"c\", \"nodes\": [{\"id\": \"n1\", \"host\": \"h\","
                + " \"raftPort\": 1, \"httpPort\": 2, \"extra\": true},"
                + " {\"id\": \"n1\", \"host\": \"h\", \"raftPort\": 3, \"httpPort\": 4}]}");
        assertEquals("cluster file " + file + ": duplicate node id 'n1'",
                assertThrows(ConfigException.class, () -> ClusterConfig.load(file)).getMessage());
        java.nio.file.Files.writeString(file, "{\"name\": \"c\", \"nodes\": [{\"id\": \"n1\", \"raftPort\": \"x\"}]}");
        String message = assertThrows(ConfigException.class, () -> ClusterConfig.load(file)).getMessage();
        assertEquals(true, message.startsWith("cluster file " + file + " is not valid"), message);
        assertThrows(ConfigException.class, () -> ClusterConfig.load(dir.resolve("missing.json")));
        assertEquals("node 'n2': raftPort must be set in a cluster of several nodes", assertThrows(
                ConfigException.class, () -> new ClusterConfig("c", List.of(node("n1", 1, 2), node("n2", 0, 3)))
                        .validate()).getMessage());
        assertThrows(ConfigException.class, () -> ClusterConfig.generate("c", 0, "h", 1, 2));
    }

    @Test
    void freeLoopbackClustersHaveDistinctPorts() {
        for (int round = 0; round < 20; round++) {
            ClusterConfig config = ClusterConfig.onFreeLoopbackPorts("c", 5);
            assertEquals(10, config.nodes().stream().flatMap(n -> java.util.stream.Stream.of(n.raftPort(),
                    n.httpPort())).distinct().count());
        }
    }
}
