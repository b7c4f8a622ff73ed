package org.colonyos.colonies.sm.apply;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import java.util.Map;
import org.colonyos.colonies.proto.json.Json;

/**
 * Checks a blueprint's {@code spec} against its definition's {@code spec.schema} (JSON Schema 2020-12, through
 * networknt's json-schema-validator). Pure: the problems come sorted, so every replica answers alike.
 */
final class BlueprintSchemas {
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12);

    private BlueprintSchemas() {
    }

    /** What is wrong with {@code spec} (none when the schema is empty or the spec conforms), sorted. */
    static List<String> problems(Map<String, Object> schema, Map<String, Object> spec) {
        if (schema.isEmpty()) {
            return List.of();
        }
        Schema compiled;
        try {
            compiled = REGISTRY.getSchema(Json.toText(schema));
        } catch (RuntimeException e) {
            return List.of("the definition's schema is invalid: " + e.getMessage());
        }
        return compiled.validate(Json.mapper().valueToTree(spec)).stream().map(Error::toString).sorted().toList();
    }
}
