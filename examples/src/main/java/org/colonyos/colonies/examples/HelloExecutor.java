package org.colonyos.colonies.examples;

import java.util.List;
import java.util.Map;
import org.colonyos.colonies.sdk.ExecutorRuntime;

/**
 * An executor of type {@code hello-java} with one function, {@code hello}: run it with the exports of
 * {@code colonies dev} and a {@code COLONIES_PRVKEY} of its own (dev's is its built-in executor's), and try
 * {@code colonies function exec --func hello --args world --targettype hello-java --wait}. It registers itself
 * when {@code COLONIES_COLONY_PRVKEY} is set, serves until SIGTERM or Ctrl-C, and then finishes the process in
 * hand.
 */
public final class HelloExecutor {
    private HelloExecutor() {
    }

    public static void main(String[] args) throws InterruptedException {
        start(System.getenv()).run();
    }

    /** Starts the executor with these variables; it serves until it is closed. */
    public static ExecutorRuntime start(Map<String, String> env) {
        ExecutorRuntime.Builder executor = ExecutorRuntime.fromEnv(env).name("hello-java").type("hello-java")
                .function("hello", ctx -> List.of("Hello, " + ctx.args().get(0) + "!"));
        String colonyKey = env.get("COLONIES_COLONY_PRVKEY");
        return colonyKey == null || colonyKey.isBlank() ? executor.start() : executor.registerAndStart(colonyKey);
    }
}
