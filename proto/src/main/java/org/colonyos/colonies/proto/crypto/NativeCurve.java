package org.colonyos.colonies.proto.crypto;

import fr.acinq.secp256k1.Secp256k1CFunctions;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;

/**
 * secp256k1 point arithmetic in Bitcoin Core's libsecp256k1, through the JNI binding that the
 * {@code fr.acinq.secp256k1} jars bundle for Linux (x86_64, aarch64). About five times faster than
 * {@link BouncyCastleCurve} for recovery, which every signed request costs the server once.
 *
 * <p>{@link #load()} copies the library out of the class path into a temporary file, loads it and deletes the
 * file; it yields nothing on other platforms, when the library fails to load, or when the system property
 * {@code colonies.crypto.native} is {@code false}. A failed recovery is handed to BouncyCastle, so errors read
 * exactly as before. The libsecp256k1 context is immutable after creation, so one instance serves all
 * threads.
 */
final class NativeCurve implements CurveArithmetic {
    private static final String LIBRARY = "fr/acinq/secp256k1/jni/native/%s/libsecp256k1-jni.so";
    private final long context;
    private final CurveArithmetic failures = new BouncyCastleCurve();

    private NativeCurve(long context) {
        this.context = context;
    }

    /** The native arithmetic, or empty where it is unavailable or disabled. */
    static Optional<CurveArithmetic> load() {
        if ("false".equalsIgnoreCase(System.getProperty("colonies.crypto.native"))) {
            return Optional.empty();
        }
        Optional<String> resource = platformDirectory().map(directory -> String.format(LIBRARY, directory));
        if (resource.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = NativeCurve.class.getClassLoader().getResourceAsStream(resource.get())) {
            if (in == null) {
                return Optional.empty();
            }
            Path copy = Files.createTempFile("colonies-secp256k1-", ".so");
            try {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
                System.load(copy.toAbsolutePath().toString());
            } finally {
                Files.deleteIfExists(copy);
            }
            int flags = Secp256k1CFunctions.SECP256K1_CONTEXT_SIGN | Secp256k1CFunctions.SECP256K1_CONTEXT_VERIFY;
            return Optional.of(new NativeCurve(Secp256k1CFunctions.secp256k1_context_create(flags)));
        } catch (IOException | LinkageError | RuntimeException unavailable) {
            return Optional.empty();
        }
    }

    private static Optional<String> platformDirectory() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (!os.contains("linux")) {
            return Optional.empty();
        }
        return switch (arch) {
            case "amd64", "x86_64" -> Optional.of("linux-x86_64");
            case "aarch64", "arm64" -> Optional.of("linux-aarch64");
            default -> Optional.empty();
        };
    }

    @Override
    public byte[] multiplyGenerator(BigInteger k) {
        return Secp256k1CFunctions.secp256k1_ec_pubkey_create(context, Secp256k1.unsigned32(k));
    }

    @Override
    public byte[] recover(byte[] hash, BigInteger r, BigInteger s, int recoveryId) {
        byte[] compact = new byte[64];
        System.arraycopy(Secp256k1.unsigned32(r), 0, compact, 0, 32);
        System.arraycopy(Secp256k1.unsigned32(s), 0, compact, 32, 32);
        try {
            return Secp256k1CFunctions.secp256k1_ecdsa_recover(context, compact, hash, recoveryId);
        } catch (RuntimeException noPublicKey) {
            return failures.recover(hash, r, s, recoveryId);
        }
    }
}
