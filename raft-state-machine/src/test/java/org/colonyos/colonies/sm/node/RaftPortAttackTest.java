package org.colonyos.colonies.sm.node;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.thirdparty.com.google.protobuf.UnsafeByteOperations;
import org.colonyos.colonies.config.ClusterConfig;
import org.colonyos.colonies.config.NodeSettings;
import org.colonyos.colonies.config.PeerAddress;
import org.colonyos.colonies.proto.crypto.Identity;
import org.colonyos.colonies.proto.log.AddColony;
import org.colonyos.colonies.proto.log.ApplyReply;
import org.colonyos.colonies.proto.log.ChangeServerId;
import org.colonyos.colonies.proto.log.LogEntry;
import org.colonyos.colonies.proto.model.Colony;
import org.colonyos.colonies.proto.wire.PayloadType;
import org.colonyos.colonies.proto.wire.ServerPayloads;
import org.colonyos.colonies.sm.Commands;
import org.colonyos.colonies.sm.state.ColoniesState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attack on the Raft port: a plain Ratis client of the node's group sends entries that name the server
 * owner as their initiator or as their proven signer. Callers are proven from signatures (the leader replaces
 * any signer an entry claims with the one it recovers), so none of them changes anything.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RaftPortAttackTest {
    @TempDir
    Path dataDir;

    @Test
    void entriesWithAnAssertedInitiatorChangeNothing() throws Exception {
        int raftPort = PeerAddress.freeLoopbackPort();
        ClusterConfig cluster = ClusterConfig.single("colonies", new PeerAddress("n1", "127.0.0.1", raftPort, 0));
        String attacker = Identity.idOfPrivateKey(Commands.keyOf("attacker"));
        try (ReplicatedNode node = ReplicatedNode.start(new NodeSettings(cluster, "n1", dataDir, Commands.SERVER_ID),
                Clock.systemUTC()); RaftClient client = plainClient(raftPort)) {
            String before = node.read(state -> state.store().digest());
            ApplyReply colony = send(client, LogEntry.newBuilder().setFormatVersion(1).setInitiatorId(Commands.SERVER_ID)
                    .setAddColony(AddColony.newBuilder().setName("owned").setColonyId(attacker)).build());
            ApplyReply takeover = send(client, LogEntry.newBuilder().setFormatVersion(1)
                    .setInitiatorId(Commands.SERVER_ID)
                    .setChangeServerId(ChangeServerId.newBuilder().setServerId(attacker)).build());
            assertEquals(403, colony.getErrorStatus(), colony.toString());
            assertEquals(403, takeover.getErrorStatus(), takeover.toString());
            assertEquals(Commands.SERVER_ID, node.read(ColoniesState::serverId));
            assertEquals(before, node.read(state -> state.store().digest()));
            assertEquals(0, node.submit(Commands.addColony("real", 0)).get(30, TimeUnit.SECONDS).getErrorStatus(),
                    "the real owner still acts");
            assertEquals(java.util.List.of("real"), node.read(state -> state.colonies().stream()
                    .map(Colony::name).toList()));
        }
    }

    @Test
    void aSignerClaimedInTheEntryIsReplacedByTheOneTheLeaderRecovers() throws Exception {
        int raftPort = PeerAddress.freeLoopbackPort();
        ClusterConfig cluster = ClusterConfig.single("colonies", new PeerAddress("n1", "127.0.0.1", raftPort, 0));
        String attackerKey = Commands.keyOf("attacker");
        String attacker = Identity.idOfPrivateKey(attackerKey);
        try (ReplicatedNode node = ReplicatedNode.start(new NodeSettings(cluster, "n1", dataDir, Commands.SERVER_ID),
                Clock.systemUTC()); RaftClient client = plainClient(raftPort)) {
            String before = node.read(state -> state.store().digest());
            LogEntry takeover = Commands.request(attackerKey, PayloadType.CHANGE_SERVER_ID,
                    new ServerPayloads.ChangeServerId(attacker)).setProvenCallerId(Commands.SERVER_ID).build();
            ApplyReply signedByAttacker = send(client, takeover);
            ApplyReply unsigned = send(client, takeover.toBuilder().setRequest(takeover.getRequest().toBuilder()
                    .setSignature("00")).build());
            assertEquals("Access denied, not server owner", signedByAttacker.getErrorMessage());
            assertEquals(403, unsigned.getErrorStatus(), unsigned.toString());
            assertEquals(Commands.SERVER_ID, node.read(ColoniesState::serverId));
            assertEquals(before, node.read(state -> state.store().digest()));
        }
    }

    private static RaftClient plainClient(int raftPort) {
        RaftGroup group = RaftGroup.valueOf(RaftGroupId.valueOf(UUID.nameUUIDFromBytes(
                "colonies".getBytes(StandardCharsets.UTF_8))),
                RaftPeer.newBuilder().setId("n1").setAddress("127.0.0.1:" + raftPort).build());
        return RaftClient.newBuilder().setRaftGroup(group).setProperties(new RaftProperties()).build();
    }

    private static ApplyReply send(RaftClient client, LogEntry entry) throws Exception {
        RaftClientReply reply = client.io().send(Message.valueOf(UnsafeByteOperations.unsafeWrap(entry.toByteArray())));
        return ApplyReply.parseFrom(reply.getMessage().getContent().asReadOnlyByteBuffer());
    }
}
