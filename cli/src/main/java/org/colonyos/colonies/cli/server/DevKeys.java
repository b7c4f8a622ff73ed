package org.colonyos.colonies.cli.server;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.colonyos.colonies.config.SecretFiles;
import org.colonyos.colonies.proto.crypto.Secp256k1;
import org.colonyos.colonies.proto.json.Json;

/**
 * The keys and colony of a {@code colonies dev} server, kept in its data directory ({@value #FILE}, readable by
 * the owner only) so that a restart on the same directory serves the same colony with the same keys.
 * Immutable.
 *
 * @param serverKey the server owner's private key
 * @param colonyKey the colony owner's private key
 * @param executorKey the built-in executor's private key
 * @param colonyName the colony
 */
record DevKeys(@JsonProperty("serverprvkey") String serverKey, @JsonProperty("colonyprvkey") String colonyKey,
        @JsonProperty("executorprvkey") String executorKey, @JsonProperty("colonyname") String colonyName) {
    static final String FILE = "dev-keys.json";

    /** Fresh keys for a new dev server. */
    static DevKeys generate(String colonyName) {
        return new DevKeys(Secp256k1.generatePrivateKey(), Secp256k1.generatePrivateKey(),
                Secp256k1.generatePrivateKey(), colonyName);
    }

    /** The keys a dev server saved in {@code dir}, if it has been started there before. */
    static Optional<DevKeys> load(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        return Files.exists(file) ? Optional.of(Json.parse(Files.readAllBytes(file), DevKeys.class))
                : Optional.empty();
    }

    /** Saves the keys in {@code dir}, readable by the owner only. */
    void save(Path dir) throws IOException {
        SecretFiles.write(dir.resolve(FILE), Json.toBytes(this));
    }
}
