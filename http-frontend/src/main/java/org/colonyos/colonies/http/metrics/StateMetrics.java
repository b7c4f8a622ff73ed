package org.colonyos.colonies.http.metrics;

import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.List;
import org.colonyos.colonies.proto.model.Colony;
import org.colonyos.colonies.proto.model.Executor;
import org.colonyos.colonies.proto.model.ExecutorState;
import org.colonyos.colonies.proto.model.ProcessState;
import org.colonyos.colonies.sm.node.ReplicatedNode;
import org.colonyos.colonies.sm.state.ColoniesState;

/**
 * Gauges of the replicated state as this node has applied it, read when scraped: processes and workflows per
 * colony and state, the waiting queue's depth, executors per colony and state, crons and generators per colony.
 * Counts come from the state's counters and name indexes; only executor lists (small) are read.
 *
 * <p>Stateless; the callbacks run on the scraping thread under the state's read lock.
 */
final class StateMetrics {
    private static final int[] PROCESS_STATES = {ProcessState.WAITING, ProcessState.RUNNING, ProcessState.SUCCESS,
        ProcessState.FAILED, ProcessState.CANCELLED};
    private static final int[] EXECUTOR_STATES = {ExecutorState.PENDING, ExecutorState.APPROVED,
        ExecutorState.REJECTED, ExecutorState.UNREGISTERED};

    private StateMetrics() {
    }

    /** What a per-colony gauge reports of one colony. */
    private interface PerColony {
        void report(ColoniesState state, String colony, GaugeWithCallback.Callback callback);
    }

    static void register(PrometheusRegistry registry, ReplicatedNode node) {
        perColony(registry, node, "colonies_processes", "Processes by colony and state", (state, colony, cb) -> {
            for (int each : PROCESS_STATES) {
                cb.call(state.processes().count(colony, each), colony, ProcessState.name(each));
            }
        }, "state");
        perColony(registry, node, "colonies_workflows", "Workflows by colony and state", (state, colony, cb) -> {
            for (int each : PROCESS_STATES) {
                cb.call(state.graphs().count(colony, each), colony, ProcessState.name(each));
            }
        }, "state");
        perColony(registry, node, "colonies_executors", "Executors by colony and state", (state, colony, cb) -> {
            List<Executor> executors = state.executorsOf(colony);
            for (int each : EXECUTOR_STATES) {
                cb.call(executors.stream().filter(e -> e.state() == each).count(), colony,
                        ExecutorState.name(each));
            }
        }, "state");
        perColony(registry, node, "colonies_crons", "Crons by colony",
                (state, colony, cb) -> cb.call(state.crons().countOf(colony), colony));
        perColony(registry, node, "colonies_generators", "Generators by colony",
                (state, colony, cb) -> cb.call(state.generators().countOf(colony), colony));
        GaugeWithCallback.builder().name("colonies_waiting_queue_depth").help("Processes waiting to be assigned, "
                + "all colonies").callback(cb -> cb.call(node.read(state -> state.colonies().stream()
                        .mapToLong(c -> state.processes().count(c.name(), ProcessState.WAITING)).sum())))
                .register(registry);
    }

    private static void perColony(PrometheusRegistry registry, ReplicatedNode node, String name, String help,
            PerColony gauge, String... moreLabels) {
        String[] labels = new String[moreLabels.length + 1];
        labels[0] = "colony";
        System.arraycopy(moreLabels, 0, labels, 1, moreLabels.length);
        GaugeWithCallback.builder().name(name).help(help).labelNames(labels).callback(cb -> node.read(state -> {
            for (Colony colony : state.colonies()) {
                gauge.report(state, colony.name(), cb);
            }
            return null;
        })).register(registry);
    }
}
