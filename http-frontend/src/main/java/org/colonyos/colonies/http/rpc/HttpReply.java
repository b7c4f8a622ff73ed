package org.colonyos.colonies.http.rpc;

import org.colonyos.colonies.proto.json.Json;
import org.colonyos.colonies.proto.log.ApplyReply;
import org.colonyos.colonies.proto.wire.PayloadType;
import org.colonyos.colonies.proto.wire.RpcReplyMsg;

/** An HTTP status and the reply envelope to send with it. Immutable. */
public record HttpReply(int status, RpcReplyMsg envelope) {

    /** A 200 reply carrying a payload. */
    public static HttpReply ok(String payloadType, byte[] replyJson) {
        return new HttpReply(200, RpcReplyMsg.success(payloadType, replyJson));
    }

    /** An error reply; the HTTP status equals the failure status, as in the Go server. */
    public static HttpReply error(int status, String message) {
        return new HttpReply(status, RpcReplyMsg.failure(status, message));
    }

    /** The reply to a request of this type that apply answered: its result, or its error status and message. */
    public static HttpReply of(ApplyReply reply, PayloadType type) {
        return reply.getErrorStatus() != 0 ? error(reply.getErrorStatus(), reply.getErrorMessage())
                : ok(type.replyWireName(), reply.getReplyJson().toByteArray());
    }

    /** The envelope as JSON bytes. */
    public byte[] body() {
        return Json.toBytes(envelope);
    }
}
