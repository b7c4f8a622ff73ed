package org.colonyos.colonies.sm.node;

import java.io.File;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.conf.Parameters;
import org.apache.ratis.grpc.GrpcConfigKeys;
import org.apache.ratis.grpc.GrpcTlsConfig;
import org.apache.ratis.protocol.exceptions.TimeoutIOException;
import org.apache.ratis.retry.ExceptionDependentRetry;
import org.apache.ratis.retry.RetryPolicies;
import org.apache.ratis.retry.RetryPolicy;
import org.apache.ratis.server.RaftServerConfigKeys;
import org.apache.ratis.util.SizeInBytes;
import org.apache.ratis.util.TimeDuration;
import org.colonyos.colonies.config.LogRetention;
import org.colonyos.colonies.config.NodeSettings;
import org.colonyos.colonies.sm.snapshot.SnapshotStorage;

/**
 * The Ratis properties of a node, in one place. Reads are linearizable (ReadIndex, so followers can serve
 * them); snapshots trigger automatically, bounding crash replay and MapDB's uncommitted WAL; the log is purged
 * up to the snapshot while keeping a tail for slightly lagging peers; election timeouts are generous because
 * CI machines are small and shared.
 */
final class RaftSettings {
    /** How long a linearizable read waits for this node to apply up to the leader's commit index. */
    static final TimeDuration READ_TIMEOUT = TimeDuration.valueOf(5, TimeUnit.SECONDS);

    private RaftSettings() {
    }

    static RaftProperties serverProperties(NodeSettings settings) {
        RaftProperties p = new RaftProperties();
        RaftServerConfigKeys.setStorageDir(p, List.of(settings.dataDir().resolve("raft").toFile()));
        GrpcConfigKeys.Server.setPort(p, settings.self().raftPort());
        GrpcConfigKeys.Server.setHost(p, settings.self().host());
        RaftServerConfigKeys.Read.setOption(p, RaftServerConfigKeys.Read.Option.LINEARIZABLE);
        RaftServerConfigKeys.Read.setTimeout(p, READ_TIMEOUT);
        RaftServerConfigKeys.Snapshot.setAutoTriggerEnabled(p, true);
        LogRetention retention = settings.retention();
        RaftServerConfigKeys.Snapshot.setAutoTriggerThreshold(p, retention.snapshotEveryEntries());
        RaftServerConfigKeys.Snapshot.setRetentionFileNum(p, SnapshotStorage.RETAINED);
        RaftServerConfigKeys.Log.setPurgeUptoSnapshotIndex(p, true);
        RaftServerConfigKeys.Log.setPurgePreservationLogNum(p, retention.preservedEntries());
        RaftServerConfigKeys.Log.setPurgeGap(p, 1);
        RaftServerConfigKeys.Log.setSegmentSizeMax(p, SizeInBytes.valueOf(retention.segmentBytes()));
        RaftServerConfigKeys.Rpc.setTimeoutMin(p, TimeDuration.valueOf(600, TimeUnit.MILLISECONDS));
        RaftServerConfigKeys.Rpc.setTimeoutMax(p, TimeDuration.valueOf(1200, TimeUnit.MILLISECONDS));
        if (settings.cluster().nodes().size() == 1) {
            // No other node can lead: a one-node server (re)starting elects itself at once, not after a timeout.
            RaftServerConfigKeys.Rpc.setFirstElectionTimeoutMin(p, TimeDuration.valueOf(50, TimeUnit.MILLISECONDS));
            RaftServerConfigKeys.Rpc.setFirstElectionTimeoutMax(p, TimeDuration.valueOf(100, TimeUnit.MILLISECONDS));
        }
        return p;
    }

    /**
     * How long one attempt of a forwarded write waits for the peer it was sent to before it is sent again (to
     * the leader this node knows then); a change of leader moves it sooner ({@link ForwardingClient}).
     */
    static final TimeDuration FORWARD_ATTEMPT_TIMEOUT = TimeDuration.valueOf(3, TimeUnit.SECONDS);

    /** How long an admin call (a membership change, a snapshot) waits for the peer it was sent to. */
    static final TimeDuration ADMIN_TIMEOUT = TimeDuration.valueOf(10, TimeUnit.SECONDS);

    /**
     * How the admin client retries: quick failures (no leader yet, not the leader, peer refusing connections)
     * every 100 ms, which rides out an election; a request that timed out after {@link #ADMIN_TIMEOUT} at most
     * twice more.
     */
    static RetryPolicy adminRetryPolicy() {
        TimeDuration pause = TimeDuration.valueOf(100, TimeUnit.MILLISECONDS);
        return ExceptionDependentRetry.newBuilder()
                .setDefaultPolicy(RetryPolicies.retryUpToMaximumCountWithFixedSleep(100, pause))
                .setExceptionToPolicy(TimeoutIOException.class,
                        RetryPolicies.retryUpToMaximumCountWithFixedSleep(2, pause))
                .setMaxAttempts(110).build();
    }

    /**
     * The gRPC transport parameters shared by the node's server and its forwarding client: with peer TLS
     * configured, mutual TLS on every Raft connection (the files are checked first, so a wrong file stops the
     * node at start with a clear message rather than failing every handshake later); otherwise none.
     */
    static Parameters transportParameters(NodeSettings settings) {
        Parameters parameters = new Parameters();
        settings.peerTls().ifPresent(tls -> {
            tls.checkFiles();
            GrpcConfigKeys.TLS.setConf(parameters, new GrpcTlsConfig(new File(tls.keyFile()),
                    new File(tls.certFile()), new File(tls.caFile()), true));
        });
        return parameters;
    }

    /** The forwarding client's properties with the default (longer) request timeout, for admin calls. */
    static RaftProperties adminClientProperties() {
        RaftProperties p = new RaftProperties();
        org.apache.ratis.client.RaftClientConfigKeys.Rpc.setRequestTimeout(p, ADMIN_TIMEOUT);
        return p;
    }

    static RaftProperties clientProperties() {
        RaftProperties p = new RaftProperties();
        org.apache.ratis.client.RaftClientConfigKeys.Async.setOutstandingRequestsMax(p, 1_000);
        org.apache.ratis.client.RaftClientConfigKeys.Rpc.setRequestTimeout(p, FORWARD_ATTEMPT_TIMEOUT);
        return p;
    }
}
