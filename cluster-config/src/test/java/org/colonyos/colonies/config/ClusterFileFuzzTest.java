package org.colonyos.colonies.config;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz target of the cluster file: any bytes give a configuration or a {@link ConfigException} that names the
 * problem. Corpus under {@code src/test/resources/.../ClusterFileFuzzTestInputs}; fuzzing for longer:
 * {@code JAZZER_FUZZ=1 mvn -pl cluster-config test -Dtest=ClusterFileFuzzTest}.
 */
class ClusterFileFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void aClusterFileParsesOrIsRefused(byte[] json) {
        try {
            ClusterConfig.parse(json, "fuzz.json");
        } catch (ConfigException refused) {
            // the server does not start, and says why
        }
    }
}
