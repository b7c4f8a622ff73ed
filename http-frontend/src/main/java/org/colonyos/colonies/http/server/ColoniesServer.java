package org.colonyos.colonies.http.server;

import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import org.colonyos.colonies.config.ApiSettings;
import org.colonyos.colonies.config.NodeSettings;
import org.colonyos.colonies.http.handlers.Routes;
import org.colonyos.colonies.http.handlers.ServerHandlers;
import org.colonyos.colonies.http.metrics.ServerMetrics;
import org.colonyos.colonies.http.rpc.RequestGuard;
import org.colonyos.colonies.http.rpc.RpcDispatcher;
import org.colonyos.colonies.http.wait.AssignLongPoll;
import org.colonyos.colonies.http.wait.ChannelSubscriptions;
import org.colonyos.colonies.http.wait.ProcessSubscriptions;
import org.colonyos.colonies.http.wait.ProcessWaiters;
import org.colonyos.colonies.http.wait.SubscribeFlows;
import org.colonyos.colonies.proto.model.ServerInfo;
import org.colonyos.colonies.sm.Signals;
import org.colonyos.colonies.sm.duty.LeaderDuties;
import org.colonyos.colonies.sm.node.ReplicatedNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Colonies server node: the replicated node plus its HTTP API. The composition root of the server.
 *
 * <p>Thread-safe; {@link #close()} stops HTTP first, then Raft (which takes a final snapshot).
 */
public final class ColoniesServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ColoniesServer.class);

    private final ReplicatedNode node;
    private final HttpServer http;
    private final String host;
    private final LeaderDuties duties;
    private final ExecutorService wakeExecutor;
    private final ProcessWaiters waiters;
    private final ProcessSubscriptions subscriptions;
    private final ServerMetrics metrics;

    private ColoniesServer(ReplicatedNode node, HttpServer http, String host, LeaderDuties duties,
            ExecutorService wakeExecutor, Wiring wiring) {
        this.node = node;
        this.http = http;
        this.host = host;
        this.duties = duties;
        this.wakeExecutor = wakeExecutor;
        this.waiters = wiring.waiters();
        this.subscriptions = wiring.subscriptions();
        this.metrics = wiring.metrics();
    }

    /** The parts between the node and its HTTP server. */
    private record Wiring(ProcessWaiters waiters, ProcessSubscriptions subscriptions, ServerMetrics metrics,
            RpcDispatcher dispatcher, NodeLoad load) {
    }

    /**
     * Starts a node and its HTTP API on {@code settings.self().host()} and {@code httpPort()} (0 = any free
     * port), and logs one line with its URL once it serves requests.
     */
    public static ColoniesServer start(NodeSettings settings, ServerHandlers.BuildInfo build, ApiSettings api,
            Clock clock) throws IOException {
        return start(settings, settings.self().host(), build, api, clock);
    }

    /**
     * Starts a node whose HTTP API listens on {@code httpHost} while Raft listens on the node's peer address
     * ({@code settings.self().host()}): a one-node server keeps Raft on loopback whatever address serves HTTP.
     * {@code api} says how the API is served (limits, TLS, metrics).
     */
    public static ColoniesServer start(NodeSettings settings, String httpHost, ServerHandlers.BuildInfo build,
            ApiSettings api, Clock clock) throws IOException {
        ReplicatedNode node = ReplicatedNode.start(settings, api.requests(), clock);
        ExecutorService wakeExecutor = Executors.newFixedThreadPool(2, daemon("colonies-wake"));
        try {
            AtomicInteger boundPort = new AtomicInteger(settings.self().httpPort());
            Wiring wiring = wire(settings, httpHost, build, api, clock, node, wakeExecutor, boundPort);
            HttpServer http = HttpServer.start(httpHost, settings.self().httpPort(), api, wiring.load(),
                    new ApiHandler(wiring.dispatcher(), wiring.metrics()), new PubSubHandler(wiring.dispatcher()));
            boundPort.set(http.port());
            ColoniesServer server = new ColoniesServer(node, http, httpHost,
                    LeaderDuties.start(node, clock, settings.timers()), wakeExecutor, wiring);
            LOG.info("Colonies server {} ready at {}", settings.nodeId(), server.url());
            return server;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            wakeExecutor.shutdownNow();
            node.close();
            throw new IOException("interrupted while starting", e);
        } catch (RuntimeException e) {
            wakeExecutor.shutdownNow();
            node.close();
            throw new IOException("cannot serve HTTP on " + httpHost + ":" + settings.self().httpPort() + ": "
                    + e.getMessage(), e);
        }
    }

    private static Wiring wire(NodeSettings settings, String host, ServerHandlers.BuildInfo build, ApiSettings api,
            Clock clock, ReplicatedNode node, ExecutorService wakeExecutor, AtomicInteger boundPort) {
        ProcessWaiters waiters = new ProcessWaiters(wakeExecutor);
        ProcessSubscriptions subscriptions = new ProcessSubscriptions(wakeExecutor);
        ChannelSubscriptions channels = new ChannelSubscriptions(wakeExecutor);
        node.setSignalListener(Signals.Listener.all(waiters, subscriptions, channels));
        boolean tls = api.tls().isPresent();
        ServerHandlers.NodeFacts facts = new ServerHandlers.NodeFacts(build,
                () -> new ServerInfo.Backend("http", boundPort.get(), host, tls, false), settings.timers());
        NodeLoad load = new NodeLoad();
        RequestGuard guard = new RequestGuard(api.requests());
        ServerMetrics metrics = api.metrics() ? new ServerMetrics(node, new ServerMetrics.Load(load.connections::get,
                load.subscriptions::get, guard::longPolls)) : null;
        LongConsumer wakeUps = metrics == null ? nanos -> { } : metrics::wokeUp;
        RpcDispatcher dispatcher = new RpcDispatcher(Routes.table(facts,
                new ClusterMembership(settings, node, boundPort::get), new AssignLongPoll(node, waiters, wakeUps),
                new SubscribeFlows(node, subscriptions, channels), clock), node, guard,
                metrics == null ? RpcDispatcher.RequestObserver.NONE : metrics);
        return new Wiring(waiters, subscriptions, metrics, dispatcher, load);
    }

    /** The HTTP port actually bound. */
    public int httpPort() {
        return http.port();
    }

    /** The base URL of the API, e.g. {@code http://127.0.0.1:50080} ({@code https} with TLS). */
    public String url() {
        return (http.tls() ? "https://" : "http://") + host + ":" + httpPort();
    }

    /**
     * Reads the API's TLS files again now (as on SIGHUP); the files are also watched for changes.
     *
     * @throws org.colonyos.colonies.config.ConfigException when they do not load (the current certificate stays)
     * @throws IllegalStateException when the API does not use TLS
     */
    public void reloadTls() {
        http.reloadTls();
    }

    /** The node's metrics (tests), or null when they are off. */
    public ServerMetrics metrics() {
        return metrics;
    }

    /** The node's notifier of long-polls and subscriptions (tests and metrics). */
    public ProcessWaiters waiters() {
        return waiters;
    }

    /** The node's {@code /pubsub} subscriptions (tests and metrics). */
    public ProcessSubscriptions subscriptions() {
        return subscriptions;
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** The replicated node (tests and operators). */
    public ReplicatedNode node() {
        return node;
    }

    @Override
    public void close() throws IOException {
        String url = url();
        LOG.info("Colonies server at {} stopping", url);
        try {
            duties.close();
            http.close();
            wakeExecutor.shutdownNow();
        } finally {
            node.close();
        }
        LOG.info("Colonies server at {} stopped", url);
    }
}
