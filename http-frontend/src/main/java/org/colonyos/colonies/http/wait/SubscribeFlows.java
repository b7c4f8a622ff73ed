package org.colonyos.colonies.http.wait;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.colonyos.colonies.http.rpc.FrameSink;
import org.colonyos.colonies.http.rpc.HttpReply;
import org.colonyos.colonies.http.rpc.Route;
import org.colonyos.colonies.proto.json.Json;
import org.colonyos.colonies.proto.model.ColonyProcess;
import org.colonyos.colonies.proto.wire.PayloadType;
import org.colonyos.colonies.proto.wire.ProcessPayloads.SubscribeProcess;
import org.colonyos.colonies.proto.wire.ProcessPayloads.SubscribeProcesses;
import org.colonyos.colonies.proto.model.ChannelEntry;
import org.colonyos.colonies.proto.wire.CatalogPayloads.SubscribeChannel;
import org.colonyos.colonies.sm.Rejection;
import org.colonyos.colonies.sm.auth.ChannelAccess;
import org.colonyos.colonies.sm.auth.Authorizer;
import org.colonyos.colonies.sm.node.ReplicatedNode;
import org.colonyos.colonies.sm.state.ColoniesState;

/**
 * {@code subscribeprocessmsg} and {@code subscribeprocessesmsg} over {@code /pubsub} (protocol 1.8). After a
 * ReadIndex barrier the subscription is added first and the state checked second, so a change applied in
 * between is never missed (it may then arrive twice: frames report a state, they do not count changes). Unlike
 * the Go server the caller must be a member of the process's colony, or of the named colony, and
 * {@code subscribeprocessesmsg} only reports processes of that colony. Events are sent as
 * {@code subscribeprocessmsg} frames; after {@code timeout} seconds (at most a day) the socket closes, which ends
 * every subscription made on it.
 *
 * <p>Thread-safe and non-blocking.
 */
public final class SubscribeFlows {
    private static final int MAX_TIMEOUT_SECONDS = 86_400;

    /** A channel subscription's length when it asks for 0 seconds (the protocol's default). */
    static final int DEFAULT_CHANNEL_TIMEOUT_SECONDS = 30;

    private final ReplicatedNode node;
    private final ProcessSubscriptions subscriptions;
    private final ChannelSubscriptions channels;

    public SubscribeFlows(ReplicatedNode node, ProcessSubscriptions subscriptions, ChannelSubscriptions channels) {
        this.node = node;
        this.subscriptions = subscriptions;
        this.channels = channels;
    }

    /** {@code subscribeprocessmsg}: one process entering a state, at once if it already is in it. */
    public CompletableFuture<Void> process(Route.Call call, FrameSink sink) {
        SubscribeProcess p = (SubscribeProcess) call.payload();
        return node.readBarrier().thenAccept(ignored -> {
            ProcessSubscriptions.Subscription subscription = ProcessSubscriptions.Subscription.toProcess(
                    p.processId(), p.state(), process -> sink.send(frame(process)));
            Runnable undo = start(call, subscription);
            ColonyProcess current;
            try {
                current = node.read(state -> visibleProcess(state, call.callerId(), p.processId()));
            } catch (Rejection rejection) {
                undo.run();
                throw rejection;
            }
            if (current.state() == p.state()) {
                sink.send(frame(current));
            }
            sink.closeAfter(Math.min(p.timeout(), MAX_TIMEOUT_SECONDS));
        });
    }

    /** {@code subscribeprocessesmsg}: every process of a colony and executor type entering a state. */
    public CompletableFuture<Void> processes(Route.Call call, FrameSink sink) {
        SubscribeProcesses p = (SubscribeProcesses) call.payload();
        return node.readBarrier().thenAccept(ignored -> {
            node.read(state -> {
                Authorizer.requireMember(state, call.callerId(), p.colonyName(), true);
                return null;
            });
            start(call, ProcessSubscriptions.Subscription.toProcesses(p.colonyName(), p.executorType(), p.state(),
                    process -> sink.send(frame(process))));
            sink.closeAfter(Math.min(p.timeout(), MAX_TIMEOUT_SECONDS));
        });
    }

    /**
     * {@code subscribechannelmsg}: the channel's entries from position {@code afterseq} as one frame, then each
     * new entry as its own frame; {@code []} and the socket closes after {@code timeout} seconds (0: 30), at once
     * when the channel's process ends.
     */
    public CompletableFuture<Void> channel(Route.Call call, FrameSink sink) {
        SubscribeChannel p = (SubscribeChannel) call.payload();
        String processId = p.processId();
        String name = p.name();
        return node.readBarrier().thenAccept(ignored -> {
            ChannelSubscriptions.Subscription subscription = new ChannelSubscriptions.Subscription(processId, name,
                    new ChannelSubscriptions.Receiver() {
                        @Override
                        public void entries(List<ChannelEntry> entries) {
                            sink.send(frame(entries));
                        }

                        @Override
                        public void ended() {
                            sink.closeAfter(0);
                        }
                    });
            channels.add(subscription);
            Runnable removeHook = call.connection().onClose(() -> channels.remove(subscription));
            List<ChannelEntry> existing;
            try {
                existing = node.read(state -> ChannelAccess.readable(state, call.callerId(), processId, name,
                        p.afterSeq(), 0, "subscribe to"));
            } catch (Rejection rejection) {
                removeHook.run();
                channels.remove(subscription);
                throw rejection;
            }
            subscription.start(p.afterSeq(), existing);
            int timeout = p.timeout() <= 0 ? DEFAULT_CHANNEL_TIMEOUT_SECONDS : Math.min(p.timeout(),
                    MAX_TIMEOUT_SECONDS);
            sink.closeAfter(timeout, frame(List.of()));
        });
    }

    private static HttpReply frame(List<ChannelEntry> entries) {
        return HttpReply.ok(PayloadType.SUBSCRIBE_CHANNEL.wireName(), Json.toBytes(entries));
    }

    /** Adds a subscription that ends with its connection; returns how to take it back. */
    private Runnable start(Route.Call call, ProcessSubscriptions.Subscription subscription) {
        subscriptions.add(subscription);
        Runnable removeHook = call.connection().onClose(() -> subscriptions.remove(subscription));
        return () -> {
            removeHook.run();
            subscriptions.remove(subscription);
        };
    }

    private static ColonyProcess visibleProcess(ColoniesState state, String callerId, String processId) {
        ColonyProcess process = state.processes().get(processId)
                .orElseThrow(() -> Rejection.forbidden("Invalid process with Id <" + processId + ">"));
        Authorizer.requireMember(state, callerId, process.colonyName(), true);
        return process;
    }

    private static HttpReply frame(ColonyProcess process) {
        return HttpReply.ok(PayloadType.SUBSCRIBE_PROCESS.wireName(), Json.toBytes(process));
    }
}
