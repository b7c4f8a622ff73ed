package org.colonyos.colonies.sm.node;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.ratis.proto.RaftProtos.FollowerInfoProto;
import org.apache.ratis.proto.RaftProtos.LeaderInfoProto;
import org.apache.ratis.proto.RaftProtos.RaftPeerProto;
import org.apache.ratis.proto.RaftProtos.RoleInfoProto;
import org.apache.ratis.proto.RaftProtos.ServerRpcProto;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class PeerWatchTest {
    private final PeerWatch watch = new PeerWatch(java.util.Optional::empty, () -> 0);

    private static RoleInfoProto leading(long n2SilentMs, long n3SilentMs) {
        return RoleInfoProto.newBuilder().setLeaderInfo(LeaderInfoProto.newBuilder()
                .addFollowerInfo(follower("n2", n2SilentMs)).addFollowerInfo(follower("n3", n3SilentMs))).build();
    }

    private static ServerRpcProto follower(String id, long silentMs) {
        return ServerRpcProto.newBuilder().setId(RaftPeerProto.newBuilder().setId(ByteString.copyFromUtf8(id))
                .setAddress("10.0.0.1:7101")).setLastRpcElapsedTimeMs(silentMs).build();
    }

    private List<String> lines(RoleInfoProto role, long now) {
        return watch.observe(role, now).stream().map(r -> (r.down() ? "WARN " : "INFO ") + r.text()).toList();
    }

    @Test
    void aSilentPeerIsReportedOnceThenEveryFewMinutesAndWhenItAnswersAgain() {
        assertEquals(List.of(), lines(leading(100, 100), 1_000));
        assertEquals(List.of("WARN peer n3 (10.0.0.1:7101) has not answered for 6 s; it is reported again every 5 "
                + "minutes while it stays so"), lines(leading(100, 6_000), 10_000));
        for (long now = 12_000; now < 10_000 + PeerWatch.REMINDER_MS; now += 2_000) {
            assertEquals(List.of(), lines(leading(100, now - 4_000), now), "quiet at " + now);
        }
        long reminder = 10_000 + PeerWatch.REMINDER_MS;
        assertEquals(List.of("WARN peer n3 (10.0.0.1:7101) still has not answered, for 306 s"),
                lines(leading(100, reminder - 4_000), reminder));
        assertEquals(List.of(), lines(leading(100, reminder - 2_000), reminder + 2_000));
        assertEquals(List.of("INFO peer n3 (10.0.0.1:7101) answers again after 310 s"),
                lines(leading(100, 50), reminder + 4_000));
        assertEquals(List.of(), lines(leading(100, 50), reminder + 6_000));
    }

    @Test
    void aNodeThatStopsLeadingForgetsAndReportsAfreshWhenItLeadsAgain() {
        assertEquals(1, lines(leading(7_000, 100), 10_000).size());
        assertEquals(List.of(), lines(RoleInfoProto.newBuilder().setFollowerInfo(FollowerInfoProto.newBuilder())
                .build(), 12_000));
        assertEquals(List.of(), lines(null, 13_000));
        assertEquals(List.of("WARN peer n2 (10.0.0.1:7101) has not answered for 9 s; it is reported again every 5 "
                + "minutes while it stays so"), lines(leading(9_000, 100), 14_000));
    }
}
