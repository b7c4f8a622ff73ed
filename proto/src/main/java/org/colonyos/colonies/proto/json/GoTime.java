package org.colonyos.colonies.proto.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Go {@code time.Time} in JSON: RFC 3339 with up to nine fractional digits; {@link #ZERO} is Go's zero time
 * ({@code 0001-01-01T00:00:00Z}), used for "not set". Times are written in UTC.
 *
 * <p>Stateless and thread-safe.
 */
public final class GoTime {
    /** Go's zero {@code time.Time}. */
    public static final Instant ZERO = Instant.parse("0001-01-01T00:00:00Z");

    private GoTime() {
    }

    /** The instant of a count of nanoseconds since the Unix epoch. */
    public static Instant ofUnixNanos(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    /** Nanoseconds since the Unix epoch (saturating for Go's zero time and other far instants). */
    public static long toUnixNanos(Instant instant) {
        if (instant.getEpochSecond() < -9_223_372_036L) {
            return Long.MIN_VALUE;
        }
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    /** Writes an instant the way Go does for a UTC time. */
    public static String format(Instant instant) {
        return Rfc3339.format(instant);
    }

    static final class Serializer extends JsonSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeString(format(value));
        }
    }

    static final class Deserializer extends JsonDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (Instant) context.handleUnexpectedToken(Instant.class, parser);
            }
            String text = parser.getText();
            try {
                return Rfc3339.parse(text);
            } catch (DateTimeParseException e) {
                return (Instant) context.handleWeirdStringValue(Instant.class, text,
                        "parsing time \"%s\" as RFC 3339", text);
            }
        }

        @Override
        public Instant getNullValue(DeserializationContext context) {
            return ZERO;
        }

        @Override
        public Object getAbsentValue(DeserializationContext context) {
            return ZERO;
        }
    }
}
