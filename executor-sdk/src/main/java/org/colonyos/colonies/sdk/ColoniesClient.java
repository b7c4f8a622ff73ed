package org.colonyos.colonies.sdk;

import com.fasterxml.jackson.databind.JavaType;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.colonyos.colonies.proto.json.Json;
import org.colonyos.colonies.proto.model.Allocations;
import org.colonyos.colonies.proto.model.Attribute;
import org.colonyos.colonies.proto.model.Capabilities;
import org.colonyos.colonies.proto.model.Cluster;
import org.colonyos.colonies.proto.model.Colony;
import org.colonyos.colonies.proto.model.Cron;
import org.colonyos.colonies.proto.model.Executor;
import org.colonyos.colonies.proto.model.Function;
import org.colonyos.colonies.proto.model.FunctionSpec;
import org.colonyos.colonies.proto.model.Generator;
import org.colonyos.colonies.proto.model.ColonyProcess;
import org.colonyos.colonies.proto.model.ProcessGraph;
import org.colonyos.colonies.proto.model.ProcessLog;
import org.colonyos.colonies.proto.model.ServerInfo;
import org.colonyos.colonies.proto.model.Statistics;
import org.colonyos.colonies.proto.model.User;
import org.colonyos.colonies.proto.model.Version;
import org.colonyos.colonies.proto.model.WorkflowSpec;
import org.colonyos.colonies.proto.model.ChannelEntry;
import org.colonyos.colonies.proto.model.Location;
import org.colonyos.colonies.proto.wire.CatalogPayloads;
import org.colonyos.colonies.proto.wire.ColonyPayloads;
import org.colonyos.colonies.proto.wire.ExecutorPayloads;
import org.colonyos.colonies.proto.wire.Payload;
import org.colonyos.colonies.proto.wire.PayloadType;
import org.colonyos.colonies.proto.wire.ProcessPayloads;
import org.colonyos.colonies.proto.wire.RecordPayloads;
import org.colonyos.colonies.proto.wire.ScheduledPayloads;
import org.colonyos.colonies.proto.wire.ServerPayloads;
import org.colonyos.colonies.proto.wire.UserPayloads;
import org.colonyos.colonies.proto.wire.WorkflowPayloads;

/**
 * A Java client of the Colonies API: one method per message, each signed with the private key passed to it
 * (the server, colony, executor or user key, as the message requires). Error replies become
 * {@link ColoniesException}s with the server's status and text. Lists are never null (an empty reply is an
 * empty list).
 *
 * <p>Thread-safe.
 */
public final class ColoniesClient {
    private final RpcTransport transport;
    private final Duration transportTimeout;

    /** A client of the server at {@code baseUrl} (e.g. {@code http://127.0.0.1:50080}). */
    public ColoniesClient(URI baseUrl) {
        this(baseUrl, Duration.ofSeconds(60));
    }

    /** A client whose calls time out after {@code timeout}. */
    public ColoniesClient(URI baseUrl, Duration timeout) {
        this(List.of(baseUrl), timeout);
    }

    /**
     * A client of a cluster: calls go to one of {@code baseUrls} and move to the next when a server cannot be
     * reached (the request was not sent); a call whose connection broke after sending is reported, not repeated.
     */
    public ColoniesClient(List<URI> baseUrls, Duration timeout) {
        this(baseUrls, timeout, HttpEngine.JDK_CLIENT);
    }

    /** A client of a cluster, as {@link #ColoniesClient(List, Duration)}, whose calls travel by {@code engine}. */
    public ColoniesClient(List<URI> baseUrls, Duration timeout, HttpEngine engine) {
        this(baseUrls, timeout, engine, ClientTls.systemTrust());
    }

    /**
     * A client of a cluster whose calls travel by {@code engine} and which trusts {@code https}/{@code wss}
     * servers as {@code tls} says ({@link ClientTls}).
     */
    public ColoniesClient(List<URI> baseUrls, Duration timeout, HttpEngine engine, ClientTls tls) {
        this.transport = new RpcTransport(baseUrls, timeout, engine, tls);
        this.transportTimeout = timeout;
    }

    /**
     * A client of the server the environment names, as the CLI reads it ({@link ClientEnv}: host, port, TLS and
     * whom to trust), with a 60 s call timeout.
     */
    public static ColoniesClient fromEnv() {
        return fromEnv(System.getenv());
    }

    /** As {@link #fromEnv()}, with these variables. */
    public static ColoniesClient fromEnv(Map<String, String> env) {
        return new ColoniesClient(List.of(ClientEnv.serverUrl(env, null, null, false)), Duration.ofSeconds(60),
                HttpEngine.JDK_CLIENT, ClientTls.fromEnv(env));
    }

    /** Sends a message and decodes the reply JSON into a type (the generic call under every method). */
    public <T> T call(PayloadType type, Payload payload, String privateKey, Class<T> replyType) {
        return call(type, payload, privateKey, replyType, transportTimeout);
    }

    private <T> T call(PayloadType type, Payload payload, String privateKey, Class<T> replyType, Duration timeout) {
        return decode(transport.call(type, payload, privateKey, timeout), Json.mapper().constructType(replyType));
    }

    /** Sends a raw envelope and returns the reply JSON (tools and tests). */
    public byte[] post(byte[] envelope) {
        return transport.post(envelope);
    }

    /** Sends a message whose reply is a list (never null: Go's {@code null} becomes an empty list). */
    public <T> List<T> callList(PayloadType type, Payload payload, String key, Class<T> element) {
        List<T> list = decode(transport.call(type, payload, key),
                Json.mapper().getTypeFactory().constructCollectionType(List.class, element));
        return list == null ? List.of() : list;
    }

    /** Sends a message whose reply carries nothing. */
    public void callEmpty(PayloadType type, Payload payload, String key) {
        transport.call(type, payload, key);
    }

    private static <T> T decode(byte[] json, JavaType type) {
        try {
            return Json.mapper().readValue(json, type);
        } catch (IOException e) {
            throw new ColoniesException(0, "cannot decode the reply as " + type + ": " + e.getMessage());
        }
    }

    // ---- server ----

    public Version version() {
        return call(PayloadType.VERSION, new ServerPayloads.Version("", ""), "", Version.class);
    }

    public ServerInfo serverInfo() {
        return call(PayloadType.GET_SERVER_INFO, new ServerPayloads.Empty(), "", ServerInfo.class);
    }

    public void changeServerId(String newServerId, String serverPrvKey) {
        callEmpty(PayloadType.CHANGE_SERVER_ID, new ServerPayloads.ChangeServerId(newServerId), serverPrvKey);
    }

    // ---- colonies ----

    public Colony addColony(Colony colony, String serverPrvKey) {
        return call(PayloadType.ADD_COLONY, new ColonyPayloads.AddColony(colony), serverPrvKey, Colony.class);
    }

    public void removeColony(String colonyName, String serverPrvKey) {
        callEmpty(PayloadType.REMOVE_COLONY, new ColonyPayloads.ColonyRef(colonyName), serverPrvKey);
    }

    public List<Colony> getColonies(String serverPrvKey) {
        return callList(PayloadType.GET_COLONIES, new ServerPayloads.Empty(), serverPrvKey, Colony.class);
    }

    public Colony getColony(String colonyName, String prvKey) {
        return call(PayloadType.GET_COLONY, new ColonyPayloads.ColonyRef(colonyName), prvKey, Colony.class);
    }

    public void changeColonyId(String colonyName, String newColonyId, String colonyPrvKey) {
        callEmpty(PayloadType.CHANGE_COLONY_ID, new ColonyPayloads.ChangeColonyId(colonyName, newColonyId),
                colonyPrvKey);
    }

    // ---- executors ----

    public Executor addExecutor(Executor executor, String colonyPrvKey) {
        return call(PayloadType.ADD_EXECUTOR, new ExecutorPayloads.AddExecutor(executor), colonyPrvKey,
                Executor.class);
    }

    public void approveExecutor(String colonyName, String executorName, String colonyPrvKey) {
        callEmpty(PayloadType.APPROVE_EXECUTOR, new ExecutorPayloads.ExecutorRef(colonyName, executorName),
                colonyPrvKey);
    }

    public void rejectExecutor(String colonyName, String executorName, String colonyPrvKey) {
        callEmpty(PayloadType.REJECT_EXECUTOR, new ExecutorPayloads.ExecutorRef(colonyName, executorName),
                colonyPrvKey);
    }

    public void removeExecutor(String colonyName, String executorName, String colonyPrvKey) {
        callEmpty(PayloadType.REMOVE_EXECUTOR, new ExecutorPayloads.ExecutorRef(colonyName, executorName),
                colonyPrvKey);
    }

    public List<Executor> getExecutors(String colonyName, String prvKey) {
        return callList(PayloadType.GET_EXECUTORS, new ColonyPayloads.ColonyRef(colonyName), prvKey, Executor.class);
    }

    public Executor getExecutor(String colonyName, String executorName, String prvKey) {
        return call(PayloadType.GET_EXECUTOR, new ExecutorPayloads.ExecutorRef(colonyName, executorName), prvKey,
                Executor.class);
    }

    public Executor getExecutorById(String colonyName, String executorId, String prvKey) {
        return call(PayloadType.GET_EXECUTOR_BY_ID, new ExecutorPayloads.ExecutorIdRef(colonyName, executorId),
                prvKey, Executor.class);
    }

    public void reportAllocations(String colonyName, String executorName, Allocations allocations,
            String executorPrvKey) {
        callEmpty(PayloadType.REPORT_ALLOCATION, new ExecutorPayloads.ReportAllocation(colonyName, executorName,
                allocations), executorPrvKey);
    }

    public void updateCapabilities(String colonyName, String executorName, Capabilities capabilities,
            String executorPrvKey) {
        callEmpty(PayloadType.UPDATE_EXECUTOR, new ExecutorPayloads.UpdateExecutor(colonyName, executorName,
                capabilities), executorPrvKey);
    }

    public void changeExecutorId(String colonyName, String newExecutorId, String executorPrvKey) {
        callEmpty(PayloadType.CHANGE_EXECUTOR_ID, new ExecutorPayloads.ExecutorIdRef(colonyName, newExecutorId),
                executorPrvKey);
    }

    // ---- users ----

    public User addUser(User user, String colonyPrvKey) {
        return call(PayloadType.ADD_USER, new UserPayloads.AddUser(user), colonyPrvKey, User.class);
    }

    public List<User> getUsers(String colonyName, String prvKey) {
        return callList(PayloadType.GET_USERS, new ColonyPayloads.ColonyRef(colonyName), prvKey, User.class);
    }

    public User getUser(String colonyName, String name, String prvKey) {
        return call(PayloadType.GET_USER, new UserPayloads.UserRef(colonyName, name), prvKey, User.class);
    }

    public User getUserById(String colonyName, String userId, String prvKey) {
        return call(PayloadType.GET_USER_BY_ID, new UserPayloads.UserIdRef(colonyName, userId), prvKey, User.class);
    }

    public void removeUser(String colonyName, String name, String colonyPrvKey) {
        callEmpty(PayloadType.REMOVE_USER, new UserPayloads.UserRef(colonyName, name), colonyPrvKey);
    }

    public void changeUserId(String colonyName, String newUserId, String userPrvKey) {
        callEmpty(PayloadType.CHANGE_USER_ID, new UserPayloads.UserIdRef(colonyName, newUserId), userPrvKey);
    }

    /** The cluster's members and current leader (server owner). */
    public Cluster getCluster(String serverPrvKey) {
        return call(PayloadType.GET_CLUSTER, new ServerPayloads.Empty(), serverPrvKey, Cluster.class);
    }

    /**
     * Adds a node to the Raft group of a running cluster (server owner; start the node first, with a cluster
     * file that lists it). Returns the cluster after the change.
     */
    public Cluster addClusterMember(String nodeName, String host, int raftPort, int apiPort, String serverPrvKey) {
        return call(PayloadType.ADD_CLUSTER_MEMBER, new ServerPayloads.AddClusterMember(nodeName, host, raftPort,
                apiPort), serverPrvKey, Cluster.class);
    }

    /** Removes a node from the Raft group (server owner). Returns the cluster after the change. */
    public Cluster removeClusterMember(String nodeName, String serverPrvKey) {
        return call(PayloadType.REMOVE_CLUSTER_MEMBER, new ServerPayloads.RemoveClusterMember(nodeName),
                serverPrvKey, Cluster.class);
    }

    // ---- processes ----

    public ColonyProcess submit(FunctionSpec spec, String prvKey) {
        return call(PayloadType.SUBMIT_FUNC_SPEC, new ProcessPayloads.SubmitFuncSpec(spec), prvKey,
                ColonyProcess.class);
    }

    /**
     * Asks for a process to run, waiting up to {@code timeoutSeconds} on the server (negative: try once).
     * Throws a {@link ColoniesException} with status 404 when nothing was assigned.
     */
    public ColonyProcess assign(String colonyName, int timeoutSeconds, String availableCpu, String availableMem,
            String executorPrvKey) {
        Duration wait = Duration.ofSeconds(Math.max(timeoutSeconds, 0)).plus(transportTimeout);
        return call(PayloadType.ASSIGN_PROCESS, new ProcessPayloads.AssignProcess(colonyName, timeoutSeconds,
                availableCpu, availableMem), executorPrvKey, ColonyProcess.class, wait);
    }

    /**
     * Subscribes over {@code /pubsub} to one process entering {@code state}; the server sends it at once when it
     * already is in that state, and closes the subscription after {@code timeoutSeconds}.
     */
    public Subscription subscribeProcess(String colonyName, String processId, int state, int timeoutSeconds,
            String prvKey, Consumer<ColonyProcess> onProcess) {
        return transport.subscribe(PayloadType.SUBSCRIBE_PROCESS, new ProcessPayloads.SubscribeProcess(colonyName,
                processId, "", state, timeoutSeconds), prvKey, ColonyProcess.class, onProcess);
    }

    /**
     * Waits over {@code /pubsub} until a process is in {@code state}: the process then, or empty when
     * {@code timeoutSeconds} passed first. Error replies (unknown process, not a member) are thrown.
     */
    public Optional<ColonyProcess> waitForProcess(String colonyName, String processId, int state, int timeoutSeconds,
            String prvKey) {
        CompletableFuture<ColonyProcess> first = new CompletableFuture<>();
        try (Subscription subscription = subscribeProcess(colonyName, processId, state, timeoutSeconds,
                prvKey, first::complete)) {
            subscription.ended().whenComplete((ok, error) -> {
                if (error != null) {
                    first.completeExceptionally(error);
                } else {
                    first.complete(null);
                }
            });
            return Optional.ofNullable(first.join());
        } catch (CompletionException e) {
            throw e.getCause() instanceof ColoniesException cause ? cause : e;
        }
    }

    /**
     * Subscribes over {@code /pubsub} to every process of a colony and executor type that enters {@code state},
     * until the server closes the subscription after {@code timeoutSeconds}.
     */
    public Subscription subscribeProcesses(String colonyName, String executorType, int state,
            int timeoutSeconds, String prvKey, Consumer<ColonyProcess> onProcess) {
        return transport.subscribe(PayloadType.SUBSCRIBE_PROCESSES, new ProcessPayloads.SubscribeProcesses(
                colonyName, executorType, state, timeoutSeconds), prvKey, ColonyProcess.class, onProcess);
    }

    public ColonyProcess getProcess(String processId, String prvKey) {
        return call(PayloadType.GET_PROCESS, new ProcessPayloads.ProcessRef(processId, false), prvKey,
                ColonyProcess.class);
    }

    /** Processes of a colony in a state; at most one of executorType, initiator, label is applied. */
    public List<ColonyProcess> getProcesses(String colonyName, int state, int count, String executorType, String label,
            String initiator, String prvKey) {
        return callList(PayloadType.GET_PROCESSES, new ProcessPayloads.GetProcesses(colonyName, count, state,
                executorType, label, initiator), prvKey, ColonyProcess.class);
    }

    public List<ColonyProcess> getProcessHistory(String colonyName, String executorId, int seconds, int state,
            String prvKey) {
        return callList(PayloadType.GET_PROCESS_HIST, new ProcessPayloads.GetProcessHist(colonyName, executorId,
                seconds, state), prvKey, ColonyProcess.class);
    }

    public void removeProcess(String processId, String prvKey) {
        callEmpty(PayloadType.REMOVE_PROCESS, new ProcessPayloads.ProcessRef(processId, false), prvKey);
    }

    public void removeAllProcesses(String colonyName, int state, String colonyPrvKey) {
        callEmpty(PayloadType.REMOVE_ALL_PROCESSES, new ProcessPayloads.RemoveAllProcesses(colonyName, state),
                colonyPrvKey);
    }

    public void setOutput(String processId, List<Object> out, String executorPrvKey) {
        callEmpty(PayloadType.SET_OUTPUT, new ProcessPayloads.ProcessOutput(processId, out), executorPrvKey);
    }

    public void closeSuccessful(String processId, List<Object> out, String executorPrvKey) {
        callEmpty(PayloadType.CLOSE_SUCCESSFUL, new ProcessPayloads.ProcessOutput(processId, out), executorPrvKey);
    }

    public void closeFailed(String processId, List<String> errors, String executorPrvKey) {
        callEmpty(PayloadType.CLOSE_FAILED, new ProcessPayloads.CloseFailed(processId, errors), executorPrvKey);
    }

    public void cancelProcess(String processId, String prvKey) {
        callEmpty(PayloadType.CANCEL_PROCESS, new ProcessPayloads.ProcessRef(processId, false), prvKey);
    }

    public void pauseAssignments(String colonyName, String colonyPrvKey) {
        callEmpty(PayloadType.PAUSE_ASSIGNMENTS, new ColonyPayloads.ColonyRef(colonyName), colonyPrvKey);
    }

    public void resumeAssignments(String colonyName, String colonyPrvKey) {
        callEmpty(PayloadType.RESUME_ASSIGNMENTS, new ColonyPayloads.ColonyRef(colonyName), colonyPrvKey);
    }

    public boolean isPaused(String colonyName, String prvKey) {
        return call(PayloadType.GET_PAUSE_STATUS, new ColonyPayloads.ColonyRef(colonyName), prvKey,
                ProcessPayloads.PauseStatus.class).isPaused();
    }

    // ---- workflows ----

    /** Submits a workflow: its processes are created at once, roots assignable, the others after their parents. */
    public ProcessGraph submitWorkflow(WorkflowSpec spec, String prvKey) {
        return call(PayloadType.SUBMIT_WORKFLOW_SPEC, new WorkflowPayloads.SubmitWorkflowSpec(spec), prvKey,
                ProcessGraph.class);
    }

    /** A graph with its display layout ({@code nodes} and {@code edges}). */
    public ProcessGraph getProcessGraph(String processGraphId, String prvKey) {
        return call(PayloadType.GET_PROCESS_GRAPH, new WorkflowPayloads.ProcessGraphRef(processGraphId, false),
                prvKey, ProcessGraph.class);
    }

    /** A colony's graphs in a state, newest first, at most {@code count} (at most 100). */
    public List<ProcessGraph> getProcessGraphs(String colonyName, int state, int count, String prvKey) {
        return callList(PayloadType.GET_PROCESS_GRAPHS, new WorkflowPayloads.GetProcessGraphs(colonyName, count,
                state), prvKey, ProcessGraph.class);
    }

    /** Removes a graph that is not running, with its processes. */
    public void removeProcessGraph(String processGraphId, String prvKey) {
        callEmpty(PayloadType.REMOVE_PROCESS_GRAPH, new WorkflowPayloads.ProcessGraphRef(processGraphId, false),
                prvKey);
    }

    /** Removes a colony's graphs in a state ({@code -1}: every state; running ones cannot be removed alone). */
    public void removeAllProcessGraphs(String colonyName, int state, String colonyPrvKey) {
        callEmpty(PayloadType.REMOVE_ALL_PROCESS_GRAPHS, new WorkflowPayloads.RemoveAllProcessGraphs(colonyName,
                state), colonyPrvKey);
    }

    /** Cancels every process of a graph that has not ended. */
    public void cancelProcessGraph(String processGraphId, String prvKey) {
        callEmpty(PayloadType.CANCEL_PROCESS_GRAPH, new WorkflowPayloads.ProcessGraphRef(processGraphId, false),
                prvKey);
    }

    /**
     * Adds a process to a running graph after {@code parentProcessId}, which the calling executor runs: inserted
     * before all the parent's children, or appended (and, with {@code childProcessId}, made one more parent of
     * that waiting child).
     */
    public ColonyProcess addChild(String processGraphId, String parentProcessId, String childProcessId,
            FunctionSpec spec, boolean insert, String executorPrvKey) {
        return call(PayloadType.ADD_CHILD, new WorkflowPayloads.AddChild(processGraphId, parentProcessId,
                childProcessId, spec, insert), executorPrvKey, ColonyProcess.class);
    }

    // ---- crons and generators ----

    /** Adds a cron: {@code cron.workflowspec} (WorkflowSpec JSON) runs every interval or by its expression. */
    public Cron addCron(Cron cron, String prvKey) {
        return call(PayloadType.ADD_CRON, new ScheduledPayloads.AddCron(cron), prvKey, Cron.class);
    }

    public Cron getCron(String cronId, String prvKey) {
        return call(PayloadType.GET_CRON, new ScheduledPayloads.CronRef(cronId, false), prvKey, Cron.class);
    }

    /** A colony's crons, by name, at most {@code count}. */
    public List<Cron> getCrons(String colonyName, int count, String prvKey) {
        return callList(PayloadType.GET_CRONS, new ScheduledPayloads.ColonyListing(colonyName, count), prvKey,
                Cron.class);
    }

    /** Runs a cron now; returns it as it was before the run. */
    public Cron runCron(String cronId, String prvKey) {
        return call(PayloadType.RUN_CRON, new ScheduledPayloads.CronRef(cronId, false), prvKey, Cron.class);
    }

    public void removeCron(String cronId, String prvKey) {
        callEmpty(PayloadType.REMOVE_CRON, new ScheduledPayloads.CronRef(cronId, false), prvKey);
    }

    /** Adds a generator: {@code generator.workflowspec} runs per {@code trigger} packed args or after a timeout. */
    public Generator addGenerator(Generator generator, String prvKey) {
        return call(PayloadType.ADD_GENERATOR, new ScheduledPayloads.AddGenerator(generator), prvKey,
                Generator.class);
    }

    /** A generator with its queue size. */
    public Generator getGenerator(String generatorId, String prvKey) {
        return call(PayloadType.GET_GENERATOR, new ScheduledPayloads.GeneratorRef(generatorId, false), prvKey,
                Generator.class);
    }

    public Generator resolveGenerator(String colonyName, String generatorName, String prvKey) {
        return call(PayloadType.RESOLVE_GENERATOR, new ScheduledPayloads.ResolveGenerator(colonyName, generatorName),
                prvKey, Generator.class);
    }

    /** A colony's generators, by name, at most {@code count}. */
    public List<Generator> getGenerators(String colonyName, int count, String prvKey) {
        return callList(PayloadType.GET_GENERATORS, new ScheduledPayloads.ColonyListing(colonyName, count), prvKey,
                Generator.class);
    }

    /** Adds an argument to a generator's queue. */
    public void packGenerator(String generatorId, String arg, String prvKey) {
        callEmpty(PayloadType.PACK_GENERATOR, new ScheduledPayloads.PackGenerator(generatorId, arg), prvKey);
    }

    public void removeGenerator(String generatorId, String prvKey) {
        callEmpty(PayloadType.REMOVE_GENERATOR, new ScheduledPayloads.GeneratorRef(generatorId, false), prvKey);
    }

    // ---- locations and channels ----

    /** Adds a location to a colony (colony owner key). */
    public Location addLocation(Location location, String colonyPrvKey) {
        return call(PayloadType.ADD_LOCATION, new CatalogPayloads.AddLocation(location), colonyPrvKey,
                Location.class);
    }

    public Location getLocation(String colonyName, String name, String prvKey) {
        return call(PayloadType.GET_LOCATION, new CatalogPayloads.LocationRef(colonyName, name), prvKey,
                Location.class);
    }

    public List<Location> getLocations(String colonyName, String prvKey) {
        return callList(PayloadType.GET_LOCATIONS, new ColonyPayloads.ColonyRef(colonyName), prvKey, Location.class);
    }

    public void removeLocation(String colonyName, String name, String colonyPrvKey) {
        callEmpty(PayloadType.REMOVE_LOCATION, new CatalogPayloads.LocationRef(colonyName, name), colonyPrvKey);
    }

    /** Appends a message to a process's channel ({@code type} "" for data, {@code end} or {@code error}). */
    public void appendToChannel(String processId, String channel, long sequence, long inReplyTo, byte[] payload,
            String type, String prvKey) {
        callEmpty(PayloadType.CHANNEL_APPEND, new CatalogPayloads.ChannelAppend(processId, channel, sequence,
                inReplyTo, payload, type), prvKey);
    }

    /** A channel's entries from position {@code afterSeq}, at most {@code limit} (0: all). */
    public List<ChannelEntry> readChannel(String processId, String channel, long afterSeq, int limit,
            String prvKey) {
        return callList(PayloadType.CHANNEL_READ, new CatalogPayloads.ChannelRead(processId, channel, afterSeq,
                limit), prvKey, ChannelEntry.class);
    }

    /**
     * Subscribes over {@code /pubsub} to a channel: its entries from position {@code afterSeq} at once, then each
     * new one, until {@code timeoutSeconds} (0: 30) pass or the channel's process ends.
     */
    public Subscription subscribeChannel(String processId, String channel, long afterSeq, int timeoutSeconds,
            String prvKey, Consumer<ChannelEntry> onEntry) {
        return transport.subscribe(PayloadType.SUBSCRIBE_CHANNEL, new CatalogPayloads.SubscribeChannel(processId,
                channel, afterSeq, timeoutSeconds), prvKey, ChannelEntry[].class,
                entries -> java.util.Arrays.stream(entries).forEach(onEntry));
    }

    // ---- attributes, logs, functions, statistics ----

    public Attribute addAttribute(Attribute attribute, String executorPrvKey) {
        return call(PayloadType.ADD_ATTRIBUTE, new RecordPayloads.AddAttribute(attribute), executorPrvKey,
                Attribute.class);
    }

    public Attribute getAttribute(String attributeId, String prvKey) {
        return call(PayloadType.GET_ATTRIBUTE, new RecordPayloads.AttributeRef(attributeId), prvKey, Attribute.class);
    }

    public void addLog(String processId, String message, String executorPrvKey) {
        callEmpty(PayloadType.ADD_LOG, new RecordPayloads.AddLog(processId, message), executorPrvKey);
    }

    public void addExecutorLog(String colonyName, String executorName, String message, String executorPrvKey) {
        callEmpty(PayloadType.ADD_EXECUTOR_LOG, new RecordPayloads.AddExecutorLog(colonyName, executorName, message),
                executorPrvKey);
    }

    /** Log lines of a process, or of an executor name when {@code executorName} is not empty. */
    public List<ProcessLog> getLogs(String colonyName, String processId, String executorName, int count, long since,
            boolean latest, String prvKey) {
        return callList(PayloadType.GET_LOGS, new RecordPayloads.GetLogs(colonyName, processId, executorName, count,
                since, latest), prvKey, ProcessLog.class);
    }

    public List<ProcessLog> searchLogs(String colonyName, String text, int days, int count, String prvKey) {
        return callList(PayloadType.SEARCH_LOGS, new RecordPayloads.SearchLogs(colonyName, text, days, count), prvKey,
                ProcessLog.class);
    }

    public Function addFunction(Function function, String executorPrvKey) {
        return call(PayloadType.ADD_FUNCTION, new RecordPayloads.AddFunction(function), executorPrvKey,
                Function.class);
    }

    public List<Function> getFunctions(String colonyName, String executorName, String prvKey) {
        return callList(PayloadType.GET_FUNCTIONS, new RecordPayloads.GetFunctions(colonyName, executorName), prvKey,
                Function.class);
    }

    public void removeFunction(String functionId, String executorPrvKey) {
        callEmpty(PayloadType.REMOVE_FUNCTION, new RecordPayloads.FunctionRef(functionId), executorPrvKey);
    }

    public Statistics getColonyStatistics(String colonyName, String prvKey) {
        return call(PayloadType.GET_COLONY_STATS, new ColonyPayloads.ColonyRef(colonyName), prvKey,
                Statistics.class);
    }

    public Statistics getStatistics(String serverPrvKey) {
        return call(PayloadType.GET_STATISTICS, new ServerPayloads.Empty(), serverPrvKey, Statistics.class);
    }
}
