package org.colonyos.colonies.cli.bench;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.colonyos.colonies.proto.model.FunctionSpec;
import org.colonyos.colonies.proto.model.ColonyProcess;
import org.colonyos.colonies.proto.model.WorkflowSpec;
import org.colonyos.colonies.sdk.ColoniesClient;

/**
 * What a bench submits as one unit of work, and which closed process finishes a unit. Stateless; used by every
 * load thread at once.
 */
interface Workload {
    /** Executor type of the bench's processes. */
    String EXECUTOR_TYPE = "bench";

    /** Submits one unit of work and returns its id. */
    String submit(ColoniesClient client, String colony, String key);

    /** The unit a process that was just closed successfully finishes, if it finishes one; by default itself. */
    default Optional<String> finishedBy(ColonyProcess closed) {
        return Optional.of(closed.processId());
    }

    /** What a unit is called in the report, plural. */
    String units();

    /**
     * What the executor does with an assigned process before it closes it (by default nothing); false when what
     * it read back was not what it wrote (the bench counts an error).
     */
    default boolean work(ColoniesClient client, ColonyProcess assigned, String key) {
        return true;
    }

    /** One process: submit → assign → close. */
    Workload PROCESSES = new Workload() {
        @Override
        public String submit(ColoniesClient client, String colony, String key) {
            return client.submit(FunctionSpec.of(colony, EXECUTOR_TYPE, "noop", List.of()), key).processId();
        }

        @Override
        public String units() {
            return "processes";
        }
    };

    /**
     * One process with a channel: its executor appends {@link #CHANNEL_MESSAGES} messages to the channel and reads
     * them back before it closes the process.
     */
    Workload CHANNELS = new Workload() {
        @Override
        public String submit(ColoniesClient client, String colony, String key) {
            return client.submit(FunctionSpec.of(colony, EXECUTOR_TYPE, "noop", List.of())
                    .withChannels(List.of(CHANNEL)), key).processId();
        }

        @Override
        public boolean work(ColoniesClient client, ColonyProcess assigned, String key) {
            for (int sequence = 1; sequence <= CHANNEL_MESSAGES; sequence++) {
                client.appendToChannel(assigned.processId(), CHANNEL, sequence, 0,
                        ("message " + sequence).getBytes(StandardCharsets.UTF_8), "", key);
            }
            return client.readChannel(assigned.processId(), CHANNEL, 0, 0, key).size() == CHANNEL_MESSAGES;
        }

        @Override
        public String units() {
            return "channels";
        }
    };

    /** The channel of a {@link #CHANNELS} process. */
    String CHANNEL = "bench";

    /** The messages an executor appends to a {@link #CHANNELS} process's channel. */
    int CHANNEL_MESSAGES = 4;

    /** A diamond workflow a → b, c → d; closing d finishes it. */
    Workload DIAMONDS = new Workload() {
        @Override
        public String submit(ColoniesClient client, String colony, String key) {
            return client.submitWorkflow(new WorkflowSpec(colony, List.of(node(colony, "a"), node(colony, "b", "a"),
                    node(colony, "c", "a"), node(colony, "d", "b", "c"))), key).processGraphId();
        }

        private FunctionSpec node(String colony, String name, String... parents) {
            return FunctionSpec.of(colony, EXECUTOR_TYPE, "noop", List.of()).withNodeName(name).dependingOn(parents);
        }

        @Override
        public Optional<String> finishedBy(ColonyProcess closed) {
            return "d".equals(closed.spec().nodeName()) ? Optional.of(closed.processGraphId()) : Optional.empty();
        }

        @Override
        public String units() {
            return "workflows";
        }
    };
}
