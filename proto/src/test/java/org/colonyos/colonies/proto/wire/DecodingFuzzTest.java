package org.colonyos.colonies.proto.wire;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.colonyos.colonies.proto.json.Json;
import org.colonyos.colonies.proto.json.JsonDecodeException;
import org.colonyos.colonies.proto.model.Blueprint;
import org.colonyos.colonies.proto.model.CfsFile;
import org.colonyos.colonies.proto.model.Cron;
import org.colonyos.colonies.proto.model.Executor;
import org.colonyos.colonies.proto.model.FunctionSpec;
import org.colonyos.colonies.proto.model.Generator;
import org.colonyos.colonies.proto.model.ColonyProcess;
import org.colonyos.colonies.proto.model.WorkflowSpec;

/**
 * Fuzz targets of everything that decodes client bytes: the envelope, every payload type and the model JSON.
 * Any input must decode or be refused with the decoder's own exception, never anything else. {@code mvn verify}
 * runs the inputs under {@code src/test/resources/.../DecodingFuzzTestInputs} as regression tests; fuzzing for
 * longer, one target at a time: {@code JAZZER_FUZZ=1 mvn -pl proto test -Dtest=DecodingFuzzTest#<method>}
 * (findings land in that directory).
 */
class DecodingFuzzTest {
    private static final List<Class<?>> MODELS = List.of(FunctionSpec.class, ColonyProcess.class, Executor.class,
            WorkflowSpec.class, Cron.class, Generator.class, CfsFile.class, Blueprint.class);

    /** The envelope as {@code POST /api} and {@code /pubsub} read it. */
    @FuzzTest(maxDuration = "60s")
    void anEnvelopeParsesOrIsRefused(byte[] body) {
        try {
            Json.parse(body, RpcMsg.class);
        } catch (JsonDecodeException refused) {
            // the dispatcher answers 400
        }
    }

    /** First byte: the payload type; the rest: the payload JSON, base64-encoded as on the wire. */
    @FuzzTest(maxDuration = "60s")
    void everyPayloadTypeDecodesOrIsRefused(byte[] input) {
        if (input.length == 0) {
            return;
        }
        PayloadType type = PayloadType.values()[(input[0] & 0xff) % PayloadType.values().length];
        String json = new String(input, 1, input.length - 1, StandardCharsets.UTF_8);
        try {
            PayloadCodec.decode(type, Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8)));
        } catch (PayloadException refused) {
            // a 400 reply
        }
    }

    /** First byte: a model type; the rest: its JSON (specs in crons, documents in log entries). */
    @FuzzTest(maxDuration = "60s")
    void theModelJsonDecodesOrIsRefused(byte[] input) {
        if (input.length == 0) {
            return;
        }
        Class<?> type = MODELS.get((input[0] & 0xff) % MODELS.size());
        byte[] json = java.util.Arrays.copyOfRange(input, 1, input.length);
        try {
            Json.toBytes(Json.parse(json, type));
        } catch (JsonDecodeException refused) {
            // refused as invalid JSON
        }
    }
}
