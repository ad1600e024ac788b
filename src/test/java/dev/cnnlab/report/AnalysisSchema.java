package dev.cnnlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.cnnlab.util.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** Validates an {@code analysis.json} against the documented schema, {@code docs/analysis.schema.json}. */
public final class AnalysisSchema {

    private AnalysisSchema() {}

    /** Asserts that the file is valid; returns its tree. */
    public static JsonNode assertValid(Path analysisJson) throws IOException {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(Files.readString(Path.of("docs/analysis.schema.json")));
        JsonNode tree = Json.MAPPER.readTree(analysisJson.toFile());
        Set<ValidationMessage> errors = schema.validate(tree);
        assertThat(errors).as("schema violations in %s", analysisJson).isEmpty();
        return tree;
    }
}
