package org.colonyos.colonies.cfs;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.colonyos.colonies.config.ApiSettings;
import org.colonyos.colonies.config.ClusterConfig;
import org.colonyos.colonies.config.NodeSettings;
import org.colonyos.colonies.config.PeerAddress;
import org.colonyos.colonies.http.handlers.ServerHandlers;
import org.colonyos.colonies.http.server.ColoniesServer;
import org.colonyos.colonies.proto.crypto.Identity;
import org.colonyos.colonies.proto.crypto.Secp256k1;
import org.colonyos.colonies.proto.model.Colony;
import org.colonyos.colonies.proto.model.Executor;
import org.colonyos.colonies.sdk.ColoniesClient;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

/**
 * A one-node Colonies server with a colony and an approved member, beside a real S3 endpoint (s3proxy over a
 * directory) on ephemeral loopback ports: what CFS tests run against.
 */
final class CfsFixture implements AutoCloseable {
    static final String SERVER_KEY = "fcc79953d8a751bf41db661592dc34d30004b1a651ffa0725b03ac227641499d";
    static final String COLONY_KEY = "ba949fa134981372d6da62b6a56f336ab4d843b22c02a4257dcf7d0d73097514";
    static final String COLONY = "cfs";

    final String memberKey = Secp256k1.generatePrivateKey();
    final ColoniesServer server;
    final ColoniesClient client;
    final S3Proxy s3;
    final Path s3Dir;
    final S3Settings settings;

    CfsFixture(Path dir) throws Exception {
        server = ColoniesServer.start(new NodeSettings(ClusterConfig.single("cfs", new PeerAddress("n1", "127.0.0.1",
                PeerAddress.freeLoopbackPort(), 0)), "n1", dir.resolve("node"), Identity.idOfPrivateKey(SERVER_KEY)),
                new ServerHandlers.BuildInfo("t", "t"), ApiSettings.DEFAULT.withMaxBodyBytes(1 << 20),
                Clock.systemUTC());
        client = new ColoniesClient(List.of(URI.create(server.url())), Duration.ofSeconds(30));
        client.addColony(new Colony(Identity.idOfPrivateKey(COLONY_KEY), COLONY), SERVER_KEY);
        client.addExecutor(Executor.of(Identity.idOfPrivateKey(memberKey), "cfs-test", "member", COLONY), COLONY_KEY);
        client.approveExecutor(COLONY, "member", COLONY_KEY);
        s3Dir = Files.createDirectories(dir.resolve("s3"));
        s3 = startS3(s3Dir);
        settings = settingsOf(s3);
    }

    /** A running s3proxy over a directory, on an ephemeral loopback port. */
    static S3Proxy startS3(Path dir) throws Exception {
        S3Proxy proxy = S3Proxy.builder().blobStore(new FilesystemNio2BlobStore(dir.toString()))
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "test-access", "test-secret").build();
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) {
            Thread.sleep(10);
        }
        return proxy;
    }

    static S3Settings settingsOf(S3Proxy proxy) {
        return new S3Settings("127.0.0.1:" + proxy.getPort(), "test-access", "test-secret", "", "cfs-bucket", false,
                false);
    }

    FileCatalog catalog() {
        return new FileCatalog(client, COLONY, memberKey);
    }

    CfsClient cfs() {
        return new CfsClient(catalog(), S3Blobs.open(settings), 4);
    }

    /** The path s3proxy stores an object of the bucket at. */
    Path objectFile(String key) {
        return s3Dir.resolve(settings.bucket()).resolve(key);
    }

    @Override
    public void close() throws Exception {
        s3.stop();
        server.close();
    }

    static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
