package org.colonyos.colonies.http.wait;

import java.util.concurrent.CompletableFuture;
import org.colonyos.colonies.http.rpc.FrameSink;
import org.colonyos.colonies.http.rpc.HttpReply;
import org.colonyos.colonies.http.rpc.Route;
import org.colonyos.colonies.proto.json.Json;
import org.colonyos.colonies.proto.model.Process;
import org.colonyos.colonies.proto.wire.PayloadType;
import org.colonyos.colonies.proto.wire.ProcessPayloads.SubscribeProcess;
import org.colonyos.colonies.proto.wire.ProcessPayloads.SubscribeProcesses;
import org.colonyos.colonies.sm.Rejection;
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

    private final ReplicatedNode node;
    private final ProcessSubscriptions subscriptions;

    public SubscribeFlows(ReplicatedNode node, ProcessSubscriptions subscriptions) {
        this.node = node;
        this.subscriptions = subscriptions;
    }

    /** {@code subscribeprocessmsg}: one process entering a state, at once if it already is in it. */
    public CompletableFuture<Void> process(Route.Call call, FrameSink sink) {
        SubscribeProcess p = (SubscribeProcess) call.payload();
        return node.readBarrier().thenAccept(ignored -> {
            ProcessSubscriptions.Subscription subscription = ProcessSubscriptions.Subscription.toProcess(
                    p.processId(), p.state(), process -> sink.send(frame(process)));
            Runnable undo = start(call, subscription);
            Process current;
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

    /** Adds a subscription that ends with its connection; returns how to take it back. */
    private Runnable start(Route.Call call, ProcessSubscriptions.Subscription subscription) {
        subscriptions.add(subscription);
        Runnable removeHook = call.connection().onClose(() -> subscriptions.remove(subscription));
        return () -> {
            removeHook.run();
            subscriptions.remove(subscription);
        };
    }

    private static Process visibleProcess(ColoniesState state, String callerId, String processId) {
        Process process = state.processes().get(processId)
                .orElseThrow(() -> Rejection.forbidden("Invalid process with Id <" + processId + ">"));
        Authorizer.requireMember(state, callerId, process.colonyName(), true);
        return process;
    }

    private static HttpReply frame(Process process) {
        return HttpReply.ok(PayloadType.SUBSCRIBE_PROCESS.wireName(), Json.toBytes(process));
    }
}
