package org.colonyos.colonies.http.handlers;

import com.google.protobuf.ByteString;
import org.colonyos.colonies.proto.json.Json;

/** Documents (specs, executors, attributes) travel in log commands as canonical JSON bytes. */
final class Documents {
    private Documents() {
    }

    static ByteString json(Object value) {
        return ByteString.copyFrom(Json.toBytes(value));
    }
}
