package org.colonyos.colonies.http;

import static org.colonyos.colonies.http.Refusals.assertRefused;
import static org.colonyos.colonies.http.TestServer.COLONY_KEY;
import static org.colonyos.colonies.http.TestServer.SERVER_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.colonyos.colonies.http.server.ColoniesServer;
import org.colonyos.colonies.proto.crypto.Identity;
import org.colonyos.colonies.proto.crypto.Secp256k1;
import org.colonyos.colonies.proto.model.ChannelEntry;
import org.colonyos.colonies.proto.model.Colony;
import org.colonyos.colonies.proto.model.Executor;
import org.colonyos.colonies.proto.model.FunctionSpec;
import org.colonyos.colonies.proto.model.Location;
import org.colonyos.colonies.proto.model.ColonyProcess;
import org.colonyos.colonies.proto.model.ProcessState;
import org.colonyos.colonies.sdk.ColoniesClient;
import org.colonyos.colonies.sdk.ExecutorRuntime;
import org.colonyos.colonies.sdk.ProcessChannel;
import org.colonyos.colonies.sdk.Subscription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Channels over HTTP and {@code /pubsub}: a submitter talks with the executor running its process (the
 * executor follows the channel with a blocking subscribe and answers), a subscriber hears each entry as it is
 * appended and is closed when the process ends; plus locations through the SDK.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class ChannelEndToEndTest {
    private static final String COLONY = "chat";
    private final String submitterKey = Secp256k1.generatePrivateKey();
    private final String executorKey = Secp256k1.generatePrivateKey();
    private ColoniesServer server;
    private ColoniesClient client;
    private ExecutorRuntime runtime;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        server = TestServer.start(dir);
        client = TestServer.client(server);
        client.addColony(new Colony(Identity.idOfPrivateKey(COLONY_KEY), COLONY), SERVER_KEY);
        client.addExecutor(Executor.of(Identity.idOfPrivateKey(submitterKey), "submitter", "submitter", COLONY),
                COLONY_KEY);
        client.approveExecutor(COLONY, "submitter", COLONY_KEY);
        runtime = ExecutorRuntime.builder(client, COLONY, executorKey).name("talker").type("talker").pollSeconds(1)
                .function("listen", ctx -> {
                    List<Object> heard = new ArrayList<>();
                    ProcessChannel chat = ctx.channel("chat");
                    chat.subscribe(0, 20, entry -> {
                        if (entry.type().equals(ChannelEntry.DATA)
                                && !entry.senderId().equals(Identity.idOfPrivateKey(executorKey))) {
                            heard.add(new String(entry.payload(), StandardCharsets.UTF_8));
                            chat.append(("heard " + heard.size()).getBytes(StandardCharsets.UTF_8), "",
                                    entry.sequence());
                        }
                    });
                    return heard;
                })
                .registerAndStart(COLONY_KEY);
    }

    @AfterAll
    void stop() throws Exception {
        runtime.close();
        server.close();
    }

    @Test
    void aSubmitterAndItsExecutorTalkOverAChannel() throws Exception {
        ColonyProcess process = client.submit(FunctionSpec.of(COLONY, "talker", "listen", List.of())
                .withChannels(List.of("chat")), submitterKey);
        client.waitForProcess(COLONY, process.processId(), ProcessState.RUNNING, 20, submitterKey).orElseThrow();
        List<ChannelEntry> streamed = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Void> twoReplies = new CompletableFuture<>();
        Subscription subscription = client.subscribeChannel(process.processId(), "chat", 0, 30, submitterKey,
                entry -> {
                    streamed.add(entry);
                    if (streamed.stream().filter(e -> new String(e.payload(), StandardCharsets.UTF_8)
                            .startsWith("heard")).count() == 2) {
                        twoReplies.complete(null);
                    }
                });
        ProcessChannel chat = new ProcessChannel(client, process.processId(), "chat", submitterKey);
        chat.append("hello");
        chat.append("grüße");
        twoReplies.get(20, TimeUnit.SECONDS);
        List<ChannelEntry> read = chat.read(0, 0);
        assertEquals(4, read.size(), read.toString());
        assertEquals(1, read.stream().filter(e -> e.inReplyTo() == 1).count(), "the first reply answers entry 1");
        assertEquals(read, List.copyOf(streamed), "the subscriber heard every entry, in order, once");
        chat.end();

        ColonyProcess done = client.waitForProcess(COLONY, process.processId(), ProcessState.SUCCESS, 20, submitterKey)
                .orElseThrow();
        assertEquals(List.of("hello", "grüße"), done.out());
        subscription.ended().get(10, TimeUnit.SECONDS);
        assertRefused(404, "Channel not found", () -> chat.read(0, 0));
    }

    @Test
    void strangersAndUndeclaredChannelsAreRefused() {
        ColonyProcess process = client.submit(FunctionSpec.of(COLONY, "nobody", "f", List.of())
                .withChannels(List.of("chat")), submitterKey);
        String strangerKey = Secp256k1.generatePrivateKey();
        client.addExecutor(Executor.of(Identity.idOfPrivateKey(strangerKey), "x", "stranger", COLONY), COLONY_KEY);
        client.approveExecutor(COLONY, "stranger", COLONY_KEY);
        assertRefused(403, "Not authorized to write to channel", () -> new ProcessChannel(client,
                process.processId(), "chat", strangerKey).append("hi"));
        assertRefused(403, "Not authorized to read from channel", () -> new ProcessChannel(client,
                process.processId(), "chat", strangerKey).read(0, 0));
        assertRefused(404, "Channel not found", () -> new ProcessChannel(client, process.processId(), "other",
                submitterKey).read(0, 0));
        assertTrue(new ProcessChannel(client, process.processId(), "chat", submitterKey).read(0, 0).isEmpty());
    }

    @Test
    void locationsThroughTheSdk() {
        Location lab = new Location("lab-1", "lab", COLONY, "the lab", 1.5, 2.5);
        assertEquals(lab, client.addLocation(lab, COLONY_KEY));
        assertEquals(lab, client.getLocation(COLONY, "lab", submitterKey));
        assertEquals(List.of(lab), client.getLocations(COLONY, submitterKey));
        assertRefused(403, null, () -> client.addLocation(new Location("", "x", COLONY, "", 0, 0), submitterKey));
        client.removeLocation(COLONY, "lab", COLONY_KEY);
        assertRefused(404, null, () -> client.getLocation(COLONY, "lab", submitterKey));
        assertEquals(List.of(), client.getLocations(COLONY, submitterKey));
    }
}
