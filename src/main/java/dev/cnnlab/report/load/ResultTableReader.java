package dev.cnnlab.report.load;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.cnnlab.CnnlabException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads results that cnnlab did not train (a paper's table, another tool's runs) as
 * {@link Evidence}: one row per run with its fidelity, technique set, seed, final top-1 and
 * optionally its cost in seconds.
 *
 * <p>CSV (RFC 4180: a field holding a comma or a quote is quoted; lines starting with {@code #}
 * and blank lines are skipped; errors name the line of the file): a header naming the columns
 * {@code fidelity,set,seed,top1[,cost]} (any order), then one row per run; the baseline is the set named {@code baseline}, else the first set listed;
 * the target is the fidelity with the highest mean cost, else the last listed. YAML:
 * <pre>
 * name: reference            # optional
 * baseline: baseline         # optional, as for CSV
 * target: ResNet-164         # optional, as for CSV
 * classes: 100               # optional: how many classes (chance top-1 is 100 / classes)
 * fidelities:               # optional: each fidelity's place on one axis
 *   - {name: ResNet-29, axis: depth, size: 29}
 * results:
 *   - {fidelity: ResNet-29, set: baseline, seed: 0, top1: 71.19, cost: 2400}
 * </pre>
 *
 * <p>A fidelity's {@code axis} (depth, width, resolution, data or epochs) and {@code size} (its
 * value along that axis: a depth, a width multiplier, a parameter count...) let the analysis fit
 * gains against size along the axis and extrapolate them to the target; in CSV they are two more
 * columns, {@code axis,size}, the same on every row of a fidelity.
 */
public final class ResultTableReader {

    /** A read table: its name and the evidence. */
    public record Table(String name, Evidence evidence) {}

    /** One row of the YAML form. */
    record RowSpec(String fidelity, String set, Long seed, Double top1, Double cost) {}

    /** Where one fidelity of a table stands: the axis along which it differs from the others, and its size there. */
    record FidelitySpec(String name, String axis, Double size) {}

    /** The YAML form. */
    record TableSpec(
            String name,
            String baseline,
            String target,
            Integer classes,
            List<FidelitySpec> fidelities,
            List<RowSpec> results) {}

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ResultTableReader() {}

    /** Reads a {@code .csv}, {@code .yaml} or {@code .yml} file. */
    public static Table read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new CnnlabException("no results table at " + file + ": give a CSV or YAML file such as"
                    + " studies/published/reference.yaml");
        } catch (IOException e) {
            throw new CnnlabException("cannot read results table " + file + ": " + e.getMessage());
        }
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        TableSpec spec;
        if (lower.endsWith(".csv")) {
            spec = csv(text, file);
        } else if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            spec = yaml(text, file);
        } else {
            throw new CnnlabException(file + ": a results table must be .csv, .yaml or .yml");
        }
        String stem = name.replaceFirst("\\.[^.]+$", "");
        return new Table(spec.name() != null ? spec.name() : stem, evidence(spec, file));
    }

    private static TableSpec yaml(String text, Path file) {
        try {
            TableSpec spec = YAML.readValue(text, TableSpec.class);
            if (spec == null || spec.results() == null || spec.results().isEmpty()) {
                throw new CnnlabException(file + ": no 'results' rows (each: {fidelity, set, seed, top1, cost})");
            }
            return spec;
        } catch (UnrecognizedPropertyException e) {
            // Jackson's location is past the key: find the key's own line
            String[] lines = text.split("\n", -1);
            int line = e.getLocation().getLineNr();
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].matches(
                                "^[\\s-]*\\{?\\s*" + java.util.regex.Pattern.quote(e.getPropertyName()) + "\\s*:.*")
                        || lines[i].matches(
                                ".*[{,]\\s*" + java.util.regex.Pattern.quote(e.getPropertyName()) + "\\s*:.*")) {
                    line = i + 1;
                    break;
                }
            }
            throw new CnnlabException(file + " line " + line + ": unknown key '" + e.getPropertyName()
                    + "'; known keys: name, baseline, target, classes, fidelities (each: name, axis, size),"
                    + " results (rows: fidelity, set, seed, top1, cost)");
        } catch (IOException e) {
            String message = e.getMessage() == null
                    ? "invalid YAML"
                    : e.getMessage().lines().findFirst().orElse("invalid YAML");
            throw new CnnlabException(file + ": " + message);
        }
    }

    /** RFC 4180 with {@code #} comment lines and without empty lines (lines of spaces are skipped below). */
    private static final CSVFormat CSV = CSVFormat.RFC4180
            .builder()
            .setCommentMarker('#')
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true)
            .get();

    private static TableSpec csv(String text, Path file) {
        List<String> header = null;
        int headerLine = 0;
        List<RowSpec> rows = new ArrayList<>();
        Map<String, FidelitySpec> placed = new LinkedHashMap<>();
        try (CSVParser parser = CSV.parse(new StringReader(text))) {
            for (CSVRecord record : parser) {
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue; // a line of spaces only
                }
                int line = line(text, record.getCharacterPosition());
                List<String> cells = record.stream().map(String::trim).toList();
                if (header == null) {
                    header = cells.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
                    headerLine = line;
                    for (String column : List.of("fidelity", "set", "top1")) {
                        if (!header.contains(column)) {
                            throw new CnnlabException(file + " line " + headerLine + ": the header lacks the column '"
                                    + column + "' (columns: fidelity,set,seed,top1[,cost][,axis,size])");
                        }
                    }
                    continue;
                }
                if (cells.size() != header.size()) {
                    throw new CnnlabException(file + " line " + line + ": " + cells.size()
                            + " values, but the header has " + header.size() + " columns");
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int c = 0; c < cells.size(); c++) {
                    row.put(header.get(c), cells.get(c));
                }
                try {
                    if (row.containsKey("axis") || row.containsKey("size")) {
                        String axis = row.getOrDefault("axis", "");
                        String size = row.getOrDefault("size", "");
                        if (!axis.isEmpty() || !size.isEmpty()) {
                            FidelitySpec place = new FidelitySpec(
                                    row.get("fidelity"), axis, size.isEmpty() ? null : Double.parseDouble(size));
                            FidelitySpec before = placed.putIfAbsent(row.get("fidelity"), place);
                            if (before != null && !before.equals(place)) {
                                throw new CnnlabException(file + " line " + line + ": fidelity '" + row.get("fidelity")
                                        + "' was placed at " + before.axis() + " " + before.size()
                                        + " on an earlier row: give every row of a fidelity the same axis and size");
                            }
                        }
                    }
                    rows.add(new RowSpec(
                            row.get("fidelity"),
                            row.get("set"),
                            row.containsKey("seed") && !row.get("seed").isEmpty()
                                    ? Long.parseLong(row.get("seed"))
                                    : null,
                            Double.parseDouble(row.get("top1")),
                            row.containsKey("cost") && !row.get("cost").isEmpty()
                                    ? Double.parseDouble(row.get("cost"))
                                    : null));
                } catch (NumberFormatException e) {
                    throw new CnnlabException(file + " line " + line + ": not a number (" + e.getMessage() + ")");
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // the parser's own message names the line: "(startline 2) EOF reached before ..."
            Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
            String message = cause.getMessage() == null
                    ? cause.getClass().getSimpleName()
                    : cause.getMessage().lines().findFirst().orElse("");
            throw new CnnlabException(file + ": not valid CSV: " + message);
        }
        if (header == null) {
            throw new CnnlabException(
                    file + " is empty: give a header fidelity,set,seed,top1[,cost] and one row per run");
        }
        return new TableSpec(null, null, null, null, List.copyOf(placed.values()), rows);
    }

    /**
     * The physical line (from 1) on which the record at {@code position} starts: the parser's
     * position is where it began reading, before any comment or blank lines it skipped.
     */
    private static int line(String text, long position) {
        int at = (int) position;
        int line = 1;
        for (int i = 0; i < at && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        while (at < text.length()) {
            int end = text.indexOf('\n', at);
            String current = text.substring(at, end < 0 ? text.length() : end);
            if (!current.isBlank() && !current.startsWith("#")) {
                break;
            }
            if (end < 0) {
                break;
            }
            at = end + 1;
            line++;
        }
        return line;
    }

    private static Evidence evidence(TableSpec spec, Path file) {
        LinkedHashSet<String> fidelities = new LinkedHashSet<>();
        LinkedHashSet<String> sets = new LinkedHashSet<>();
        Map<String, List<Double>> costs = new LinkedHashMap<>();
        List<Evidence.Observation> observations = new ArrayList<>();
        Map<String, Long> nextSeed = new LinkedHashMap<>();
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        int rowNumber = 0;
        for (RowSpec row : spec.results()) {
            rowNumber++;
            String where = file + " row " + rowNumber + ": ";
            if (row.fidelity() == null
                    || row.fidelity().isBlank()
                    || row.set() == null
                    || row.set().isBlank()) {
                throw new CnnlabException(where + "every row needs a fidelity and a set");
            }
            if (row.top1() == null || !(row.top1() >= 0 && row.top1() <= 100)) {
                throw new CnnlabException(where + "top1 must be a percentage in [0, 100], got " + row.top1());
            }
            if (row.cost() != null && !(row.cost() > 0 && Double.isFinite(row.cost()))) {
                throw new CnnlabException(where + "cost must be a positive number of seconds, got " + row.cost());
            }
            String cellKey = row.fidelity() + "\u0000" + row.set();
            long seed = row.seed() != null ? row.seed() : nextSeed.getOrDefault(cellKey, 0L);
            nextSeed.put(cellKey, seed + 1);
            if (!seen.add(cellKey + "\u0000" + seed)) {
                throw new CnnlabException(
                        where + "a second row for " + row.fidelity() + " / " + row.set() + " seed " + seed);
            }
            fidelities.add(row.fidelity());
            sets.add(row.set());
            if (row.cost() != null) {
                costs.computeIfAbsent(row.fidelity(), k -> new ArrayList<>()).add(row.cost());
            }
            observations.add(new Evidence.Observation(
                    row.fidelity(),
                    row.set(),
                    seed,
                    row.top1(),
                    List.of(),
                    List.of(),
                    row.cost() == null ? OptionalDouble.empty() : OptionalDouble.of(row.cost())));
        }
        String baseline = spec.baseline() != null
                ? spec.baseline()
                : sets.contains("baseline") ? "baseline" : sets.iterator().next();
        if (!sets.contains(baseline)) {
            throw new CnnlabException(file + ": baseline '" + baseline + "' is not one of the sets " + sets);
        }
        String target;
        String reason;
        List<String> names = List.copyOf(fidelities);
        if (spec.target() != null) {
            if (!fidelities.contains(spec.target())) {
                throw new CnnlabException(
                        file + ": target '" + spec.target() + "' is not one of the fidelities " + names);
            }
            target = spec.target();
            reason = "named by the table";
        } else if (costs.keySet().containsAll(names)) {
            target = names.stream()
                    .max(java.util.Comparator.comparingDouble(f -> mean(costs.get(f))))
                    .orElseThrow();
            reason = "the fidelity with the highest cost per run";
        } else {
            target = names.get(names.size() - 1);
            reason = "the last fidelity listed (not every fidelity has a cost)";
        }
        Map<String, AxisPlacement> placements = placements(spec.fidelities(), fidelities, file);
        List<Evidence.FidelityInfo> infos = names.stream()
                .map(f -> new Evidence.FidelityInfo(
                        f,
                        OptionalInt.empty(),
                        List.of(),
                        OptionalDouble.empty(),
                        costs.containsKey(f)
                                ? String.format(Locale.ROOT, "%.0f s per run", mean(costs.get(f)))
                                : "cost unknown",
                        placements.getOrDefault(f, AxisPlacement.NONE)))
                .toList();
        if (spec.classes() != null && spec.classes() < 2) {
            throw new CnnlabException(file + ": classes must be 2 or more (the number of classes the runs tell apart),"
                    + " got " + spec.classes());
        }
        OptionalInt classes = spec.classes() == null ? OptionalInt.empty() : OptionalInt.of(spec.classes());
        return new Evidence(infos, List.copyOf(sets), baseline, target, reason, observations, classes);
    }

    /** Each placed fidelity's axis and size, checked against the fidelities the rows name. */
    private static Map<String, AxisPlacement> placements(
            List<FidelitySpec> specs, java.util.Set<String> fidelities, Path file) {
        Map<String, AxisPlacement> placements = new LinkedHashMap<>();
        if (specs == null) {
            return placements;
        }
        int number = 0;
        for (FidelitySpec f : specs) {
            number++;
            String where = file + " fidelities entry " + number + ": ";
            if (f.name() == null || !fidelities.contains(f.name())) {
                throw new CnnlabException(where + "'" + f.name() + "' is not a fidelity of the results "
                        + List.copyOf(fidelities) + ": name one of them");
            }
            if (f.axis() == null || !AxisPlacement.AXES.contains(f.axis())) {
                throw new CnnlabException(where + "axis '" + f.axis() + "' is not one of "
                        + String.join(", ", AxisPlacement.AXES) + ": give the one field in which it differs");
            }
            if (f.size() == null || !(f.size() > 0 && Double.isFinite(f.size()))) {
                throw new CnnlabException(where + "size must be a positive number (its " + f.axis()
                        + ", e.g. a depth or a width multiplier), got " + f.size());
            }
            if (placements.put(f.name(), AxisPlacement.of("", Map.of(f.axis(), f.size()))) != null) {
                throw new CnnlabException(where + "a second entry for '" + f.name() + "'");
            }
        }
        return placements;
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }
}
