package org.colonyos.colonies.examples;

import java.util.List;
import java.util.Map;
import org.colonyos.colonies.proto.model.FunctionSpec;
import org.colonyos.colonies.proto.model.ColonyProcess;
import org.colonyos.colonies.proto.model.ProcessState;
import org.colonyos.colonies.sdk.ColoniesClient;

/**
 * Submits {@code hello} for the {@link HelloExecutor} and waits for its result: {@code SubmitAndWait NAME} with
 * the exports of {@code colonies dev}.
 */
public final class SubmitAndWait {
    private SubmitAndWait() {
    }

    public static void main(String[] args) {
        System.out.println(greet(System.getenv(), args.length > 0 ? args[0] : "world"));
    }

    /** Submits {@code hello(name)} and returns its output once the process succeeded (within a minute). */
    public static List<Object> greet(Map<String, String> env, String name) {
        ColoniesClient client = ColoniesClient.fromEnv(env);
        String colony = env.get("COLONIES_COLONY_NAME");
        String key = env.get("COLONIES_PRVKEY");
        ColonyProcess submitted = client.submit(FunctionSpec.of(colony, "hello-java", "hello", List.of(name)), key);
        ColonyProcess done = client.waitForProcess(colony, submitted.processId(), ProcessState.SUCCESS, 60, key)
                .orElseThrow(() -> new IllegalStateException("no result within a minute"));
        return done.out();
    }
}
