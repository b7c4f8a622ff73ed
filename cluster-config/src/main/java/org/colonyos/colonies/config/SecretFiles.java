package org.colonyos.colonies.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Writing files that hold private keys: readable and writable by their owner only. Stateless. */
public final class SecretFiles {
    private SecretFiles() {
    }

    /**
     * Replaces {@code file} with {@code content}, created owner-only before anything is written to it (on a
     * file system without POSIX permissions the directory's protection applies).
     */
    public static void write(Path file, byte[] content) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // no POSIX permissions here
        }
        Files.write(file, content);
    }
}
