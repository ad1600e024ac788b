package dev.cnnlab.study;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.cnnlab.CnnlabException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and validates a study spec (YAML). Every problem becomes one line naming the file, the
 * line and what to change.
 */
public final class StudySpecReader {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION) // YAML lets the last one win silently
            .build();

    private static final Pattern QUOTED = Pattern.compile("'([^']+)'");

    private StudySpecReader() {}

    /** Reads a spec file. */
    public static StudySpec read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new CnnlabException("no study spec at " + file + ": give a YAML file such as studies/quick.yaml");
        } catch (IOException e) {
            throw new CnnlabException("cannot read study spec " + file + ": " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    /** Parses spec text; {@code source} names it in errors. */
    public static StudySpec parse(String text, String source) {
        try {
            StudySpec spec = YAML.readValue(SpecKeys.camelCase(YAML.getFactory(), text, source), StudySpec.class);
            if (spec == null) {
                throw new CnnlabException(source + " is empty: see studies/quick.yaml for the format");
            }
            return spec;
        } catch (UnrecognizedPropertyException e) {
            List<String> known = e.getKnownPropertyIds().stream()
                    .map(Object::toString)
                    .sorted()
                    .toList();
            String message = "unknown key '" + e.getPropertyName() + "'; known keys here: " + String.join(", ", known);
            // records are built from buffered tokens, so Jackson's location is the object's end: find the key instead
            int line = lineOfFirstQuoted(text, message);
            throw new CnnlabException(
                    (line > 0 ? source + " line " + line + ": " : where(source, e.getLocation())) + message);
        } catch (StreamReadException e) {
            if (e.getOriginalMessage().startsWith("Duplicate field")) {
                // found while reading, so Jackson's location is the second occurrence's line
                Matcher key = QUOTED.matcher(e.getOriginalMessage());
                throw new CnnlabException(where(source, e.getLocation()) + "duplicate key "
                        + (key.find() ? "'" + key.group(1) + "'" : "") + ": YAML would keep only the last one"
                        + " silently; give each key once");
            }
            throw new CnnlabException(where(source, e.getLocation()) + rootMessage(e));
        } catch (JsonProcessingException e) {
            String message = rootMessage(e);
            JsonLocation location = e.getLocation();
            int line = lineOfFirstQuoted(text, message);
            String at = line > 0 ? source + " line " + line + ": " : where(source, location);
            throw new CnnlabException(at + message);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof IllegalArgumentException || cause instanceof CnnlabException) {
            return cause.getMessage();
        }
        String original = e instanceof JsonProcessingException
                ? ((JsonProcessingException) e).getOriginalMessage()
                : e.getMessage();
        return original.lines()
                .findFirst()
                .orElse("invalid spec")
                .replaceAll(" \\(class [^)]*\\)", "")
                .replace("`", "'");
    }

    private static String where(String source, JsonLocation location) {
        return location != null && location.getLineNr() > 0
                ? source + " line " + location.getLineNr() + ": "
                : source + ": ";
    }

    /** The line of the first quoted name of the message that appears in the text as a key or value. */
    private static int lineOfFirstQuoted(String text, String message) {
        Matcher m = QUOTED.matcher(message);
        String[] lines = text.split("\n", -1);
        while (m.find()) {
            Pattern word = Pattern.compile("(^|[\\s{,:\\[])" + Pattern.quote(m.group(1)) + "\\s*(:|,|}|]|$)");
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].replaceAll("#.*", "");
                if (word.matcher(line).find()) {
                    return i + 1;
                }
            }
        }
        return 0;
    }
}
