package dev.cnnlab.util;

import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cnnlab.CnnlabException;
import java.io.IOException;
import java.nio.file.Path;

/** The one JSON mapper of cnnlab (pretty output, tolerant of fields added by newer versions). */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // "key": value, as every other JSON tool writes it (Jackson's default is "key" : value)
            .setDefaultPrettyPrinter(new DefaultPrettyPrinter()
                    .withSeparators(
                            Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)));

    private Json() {}

    /** Pretty JSON text of a value. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /** Writes a value atomically (temporary file, then rename) so readers never see half a file. */
    public static void writeAtomically(Path file, Object value) {
        Files2.writeAtomically(file, write(value) + "\n");
    }

    /** Reads a value, turning a damaged file into a one-line error. */
    public static <T> T read(Path file, Class<T> type) {
        try {
            return MAPPER.readValue(file.toFile(), type);
        } catch (IOException e) {
            throw new CnnlabException("cannot read " + file + " ("
                    + e.getClass().getSimpleName() + "): the file is damaged; delete it to recompute it");
        }
    }
}
