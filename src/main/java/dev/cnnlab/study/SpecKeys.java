package dev.cnnlab.study;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import dev.cnnlab.CnnlabException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spec keys as the command line spells them: {@code train-limit} reads as {@code trainLimit}. Only
 * the keys of settings are renamed (the spec's own, the protocol's, each model's, the
 * promotion's), never technique-set names or technique options. The text is rewritten in place,
 * key by key on its own line, so every later error still names the user's line.
 */
final class SpecKeys {

    /** Paths of the objects whose keys are settings: the spec itself, protocol, promote, each model. */
    private static final Set<List<String>> SETTING_OBJECTS =
            Set.of(List.of(), List.of("protocol"), List.of("promote"), List.of("models", "[]"));

    private static final Pattern DASH = Pattern.compile("-([a-z0-9])");

    private SpecKeys() {}

    /**
     * {@code text} with every kebab-case settings key in camelCase.
     *
     * @throws CnnlabException naming the line, when one object gives a key in both spellings
     */
    static String camelCase(JsonFactory yaml, String text, String source) throws JsonProcessingException {
        List<Rename> renames = new ArrayList<>();
        Map<JsonStreamContext, Map<String, String>> seen = new HashMap<>();
        try (JsonParser parser = yaml.createParser(text)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token != JsonToken.FIELD_NAME || !SETTING_OBJECTS.contains(path(parser.getParsingContext()))) {
                    continue;
                }
                String name = parser.currentName();
                String camel = camel(name);
                JsonLocation at = parser.currentTokenLocation();
                String earlier = seen.computeIfAbsent(parser.getParsingContext(), c -> new HashMap<>())
                        .putIfAbsent(camel, name);
                if (earlier != null && !earlier.equals(name)) {
                    throw new CnnlabException(source + " line " + at.getLineNr() + ": '" + earlier + "' and '" + name
                            + "' are the same key (kebab-case and camelCase): give it once");
                }
                if (!camel.equals(name)) {
                    renames.add(new Rename(at.getLineNr(), at.getColumnNr(), name, camel));
                }
            }
        } catch (JsonProcessingException e) {
            throw e; // the reader names the line
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a String does no I/O
        }
        if (renames.isEmpty()) {
            return text;
        }
        String[] lines = text.split("\n", -1);
        // right to left, so that a rename does not move the columns of those before it on its line
        renames.sort(java.util.Comparator.comparingInt(Rename::line)
                .thenComparing(Rename::column, java.util.Comparator.reverseOrder()));
        for (Rename rename : renames) {
            String line = lines[rename.line() - 1];
            int from = Math.max(0, Math.min(line.length(), rename.column() - 1));
            int at = line.indexOf(rename.from(), from);
            if (at < 0) {
                throw new IllegalStateException("key '" + rename.from() + "' not found on line " + rename.line());
            }
            lines[rename.line() - 1] = line.substring(0, at)
                    + rename.to()
                    + line.substring(at + rename.from().length());
        }
        return String.join("\n", lines);
    }

    /** Where an object sits: the keys and array steps from the spec's root to it. */
    private static List<String> path(JsonStreamContext object) {
        List<String> path = new ArrayList<>();
        for (JsonStreamContext c = object.getParent(); c != null && !c.inRoot(); c = c.getParent()) {
            path.add(0, c.inArray() ? "[]" : c.getCurrentName());
        }
        return path;
    }

    private static String camel(String key) {
        Matcher dash = DASH.matcher(key);
        StringBuilder out = new StringBuilder();
        while (dash.find()) {
            dash.appendReplacement(out, dash.group(1).toUpperCase(Locale.ROOT));
        }
        return dash.appendTail(out).toString();
    }

    private record Rename(int line, int column, String from, String to) {}
}
