package org.colonyos.colonies.examples;

import java.util.List;
import java.util.Map;
import org.colonyos.colonies.proto.model.FunctionSpec;
import org.colonyos.colonies.proto.model.ProcessGraph;
import org.colonyos.colonies.proto.model.ProcessState;
import org.colonyos.colonies.proto.model.WorkflowSpec;
import org.colonyos.colonies.sdk.ColoniesClient;

/**
 * Submits a two-step workflow for the {@link HelloExecutor} ({@code second} waits for {@code first}) and prints
 * the outputs once the whole workflow succeeded: run with the exports of {@code colonies dev}.
 */
public final class WorkflowSubmit {
    private WorkflowSubmit() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println(run(System.getenv()));
    }

    /** Submits the workflow and returns its processes' outputs, in the graph's order, once it succeeded. */
    public static List<Object> run(Map<String, String> env) throws InterruptedException {
        ColoniesClient client = ColoniesClient.fromEnv(env);
        String colony = env.get("COLONIES_COLONY_NAME");
        String key = env.get("COLONIES_PRVKEY");
        FunctionSpec first = FunctionSpec.of(colony, "hello-java", "hello", List.of("world")).withNodeName("first");
        FunctionSpec second = FunctionSpec.of(colony, "hello-java", "hello", List.of("again"))
                .withNodeName("second").dependingOn("first");
        ProcessGraph graph = client.submitWorkflow(new WorkflowSpec(colony, List.of(first, second)), key);
        for (int wait = 0; wait < 600; wait++) {
            ProcessGraph now = client.getProcessGraph(graph.processGraphId(), key);
            if (now.state() == ProcessState.SUCCESS) {
                return now.processIds().stream().flatMap(id -> client.getProcess(id, key).out().stream()).toList();
            }
            if (now.state() == ProcessState.FAILED) {
                throw new IllegalStateException("the workflow failed");
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the workflow did not finish within a minute");
    }
}
