package org.colonyos.colonies.proto.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.colonyos.colonies.proto.json.GoTime;
import org.colonyos.colonies.proto.json.Json;
import org.colonyos.colonies.proto.model.Colony;
import org.colonyos.colonies.proto.model.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Go encoding/json semantics of payload decoding, and the msgtype check. */
class PayloadCodecTest {
    private static String b64(String json) {
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void encodesMsgtypeFirstLikeGo() {
        String payload = PayloadCodec.encode(PayloadType.ADD_COLONY,
                new ColonyPayloads.AddColony(new Colony("4787a5071856a4acf702b2ffcea422e3237a679c681314113d86139461290cf4",
                        "test")));
        assertEquals("eyJtc2d0eXBlIjoiYWRkY29sb255bXNnIiwiY29sb255Ijp7ImNvbG9ueWlkIjoiNDc4N2E1MDcxODU2YTRhY2Y3MDJiMmZmY2"
                + "VhNDIyZTMyMzdhNjc5YzY4MTMxNDExM2Q4NjEzOTQ2MTI5MGNmNCIsIm5hbWUiOiJ0ZXN0In19", payload);
    }

    @Test
    void missingFieldsTakeGoZeroValuesAndKeysMatchCaseInsensitively() {
        Payload decoded = PayloadCodec.decode(PayloadType.ADD_EXECUTOR,
                b64("{\"MsgType\":\"addexecutormsg\",\"Executor\":{\"ExecutorName\":\"e1\",\"unknown\":5}}"));
        Executor executor = ((ExecutorPayloads.AddExecutor) decoded).executor();
        assertEquals("e1", executor.executorName());
        assertEquals("", executor.executorId());
        assertEquals(0, executor.state());
        assertEquals(GoTime.ZERO, executor.commissionTime());
        assertNull(executor.capabilities().hardware());
    }

    @Test
    void typeMismatchesAreInvalidJson() {
        assertEquals("Failed to add executor, invalid JSON", assertThrows(PayloadException.class, () ->
                PayloadCodec.decode(PayloadType.ADD_EXECUTOR,
                        b64("{\"msgtype\":\"addexecutormsg\",\"executor\":{\"state\":\"1\"}}"))).getMessage());
        assertThrows(PayloadException.class, () -> PayloadCodec.decode(PayloadType.ADD_EXECUTOR,
                b64("{\"msgtype\":\"addexecutormsg\",\"executor\":{\"state\":1.5}}")));
        assertThrows(PayloadException.class, () -> PayloadCodec.decode(PayloadType.GET_COLONY,
                b64("{\"msgtype\":\"getcolonymsg\",\"colonyname\":7}")));
        assertThrows(PayloadException.class, () -> PayloadCodec.decode(PayloadType.GET_COLONY,
                b64("{\"msgtype\":\"getcolonymsg\",\"colonyname\":\"a\"} trailing")));
    }

    @Test
    void aScalarWhereAListBelongsIsNeverCoerced() {
        assertEquals("Failed to submit function spec, invalid JSON", assertThrows(PayloadException.class, () ->
                PayloadCodec.decode(PayloadType.SUBMIT_FUNC_SPEC, b64("{\"msgtype\":\"submitfuncspecmsg\","
                        + "\"spec\":{\"funcname\":\"f\",\"args\":\"not a list\"}}"))).getMessage());
        assertThrows(PayloadException.class, () -> PayloadCodec.decode(PayloadType.SUBMIT_FUNC_SPEC,
                b64("{\"msgtype\":\"submitfuncspecmsg\",\"spec\":{\"conditions\":{\"executornames\":\"e1\"}}}")));
    }

    @Test
    void negativeCountsLimitsDaysAndPositionsAreBadRequests() {
        PayloadException refused = assertThrows(PayloadException.class, () -> PayloadCodec.decode(
                PayloadType.GET_LOGS, b64("{\"msgtype\":\"getlogsmsg\",\"count\":-1}")));
        assertEquals("Failed to get logs, count must not be negative", refused.getMessage());
        for (String json : new String[] {
            "{\"msgtype\":\"getprocessesmsg\",\"Count\":-5}",
            "{\"msgtype\":\"searchlogsmsg\",\"days\":-1}",
            "{\"msgtype\":\"channelreadmsg\",\"afterseq\":-1}",
            "{\"msgtype\":\"getblueprinthistorymsg\",\"limit\":-1}"}) {
            String type = json.substring(12, json.indexOf('"', 12));
            assertThrows(PayloadException.class, () -> PayloadCodec.decode(PayloadType.fromWire(type).orElseThrow(),
                    b64(json)), json);
        }
        PayloadCodec.decode(PayloadType.GET_LOGS, b64("{\"msgtype\":\"getlogsmsg\",\"count\":0}"));
    }

    @Test
    void invalidBase64DecodesToEmptyAndFailsAsInvalidJson() {
        assertEquals("Failed to get colony, invalid JSON", assertThrows(PayloadException.class,
                () -> PayloadCodec.decode(PayloadType.GET_COLONY, "!!!not base64")).getMessage());
    }

    @Test
    void msgtypeMustEqualThePayloadType() {
        assertEquals("Failed to remove colony, msg.MsgType does not match payloadType",
                assertThrows(PayloadException.class, () -> PayloadCodec.decode(PayloadType.REMOVE_COLONY,
                        b64("{\"msgtype\":\"getcolonymsg\",\"colonyname\":\"a\"}"))).getMessage());
        assertThrows(PayloadException.class, () -> PayloadCodec.decode(PayloadType.REMOVE_COLONY,
                b64("{\"colonyname\":\"a\"}")));
    }

    @ParameterizedTest
    @EnumSource(PayloadType.class)
    void everyPayloadTypeRoundTripsAnEmptyMessage(PayloadType type) throws Exception {
        Payload empty = Json.mapper().readValue("{}", type.payloadClass());
        Payload decoded = PayloadCodec.decode(type, PayloadCodec.encode(type, empty));
        assertEquals(empty, decoded);
        assertEquals(type, PayloadType.fromWire(type.wireName()).orElseThrow());
    }
}
