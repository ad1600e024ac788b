package dev.cnnlab.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cnnlab.CnnlabException;
import dev.cnnlab.data.Checksums;
import dev.cnnlab.data.DataRef;
import dev.cnnlab.util.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one reader and writer of a run's records ({@code result.json}, a checkpoint's
 * {@code state.json}), and the one place that knows their older formats.
 *
 * <p>Each file carries {@code "format": N}. A file without it is format 1 (everything written
 * before this reader existed). Reading upgrades the JSON tree step by step to the current format
 * before binding it, so the records themselves have one constructor each and no shims:
 *
 * <ul>
 *   <li>1 &rarr; 2: the two extra metrics that once had fields of their own ({@code
 *       testTop1Ema}/{@code testTop1FlipTta} per epoch, {@code testAccuracyEma}/{@code
 *       testAccuracyFlipTta} per result) move into {@code metrics}, after the generic ones; a
 *       config without {@code family}, {@code widen} or {@code precision} (written before those
 *       existed) gets the values every run then had: bottleneck, 1, fp32; the flat provenance
 *       (15 fields) is grouped as {@code data}, {@code software}, {@code hardware} and {@code
 *       times}; the config gains the data it trained on ({@code data}: CIFAR-100's fine labels at 32
 *       px, the provenance's md5s, and {@code subsets: first} where a train or test limit took the
 *       first images, as format 1 did) and {@code resolution: 0}.
 * </ul>
 */
public final class RunRecords {

    /** The format this version writes. */
    public static final int FORMAT = 2;

    private static final String FORMAT_FIELD = "format";

    /**
     * The key flip test-time augmentation records under: a fact of the file format, written out
     * so that reading old files does not name the technique.
     */
    private static final String FLIP_TTA_METRIC = "test_top1_flip_tta";

    /** Old per-epoch fields and the metric each became, in the order they were appended. */
    private static final Map<String, String> EPOCH_FIELDS_V1 =
            orderedMap("testTop1Ema", WeightAverage.METRIC, "testTop1FlipTta", FLIP_TTA_METRIC);

    /** Old per-result fields and the metric each became. */
    private static final Map<String, String> RESULT_FIELDS_V1 =
            orderedMap("testAccuracyEma", WeightAverage.METRIC, "testAccuracyFlipTta", FLIP_TTA_METRIC);

    private RunRecords() {}

    /** Reads a {@code result.json} of any format. */
    public static RunResult readResult(Path file) {
        ObjectNode tree = readTree(file);
        if (format(tree, file) < 2) {
            moveFieldsToMetrics(tree, RESULT_FIELDS_V1);
            groupProvenanceV1(tree.get("provenance"));
            upgradeConfigV1(tree.get("config"), tree.path("provenance").path("data"));
            upgradeHistoryV1(tree.get("history"));
        }
        return bind(tree, RunResult.class, file);
    }

    /** Reads a checkpoint's {@code state.json} of any format. */
    public static TrainState readState(Path file) {
        ObjectNode tree = readTree(file);
        if (format(tree, file) < 2) {
            upgradeConfigV1(tree.get("config"), Json.MAPPER.missingNode());
            upgradeHistoryV1(tree.get("history"));
        }
        return bind(tree, TrainState.class, file);
    }

    /** Writes {@code record} atomically in the current format. */
    public static void write(Path file, Object record) {
        Json.writeAtomically(file, tree(record));
    }

    /** {@code record}'s JSON text in the current format. */
    public static String json(Object record) {
        return Json.write(tree(record));
    }

    private static ObjectNode tree(Object record) {
        ObjectNode tree = Json.MAPPER.createObjectNode().put(FORMAT_FIELD, FORMAT);
        tree.setAll((ObjectNode) Json.MAPPER.valueToTree(record));
        return tree;
    }

    private static int format(ObjectNode tree, Path file) {
        JsonNode format = tree.get(FORMAT_FIELD);
        if (format == null) {
            return 1;
        }
        if (!format.canConvertToInt() || format.asInt() < 1 || format.asInt() > FORMAT) {
            throw new CnnlabException(file + " is in format " + format + ", which this cnnlab (format " + FORMAT
                    + ") cannot read: use a newer cnnlab, or delete the file to recompute it");
        }
        return format.asInt();
    }

    /** Format 1's flat provenance fields, by group, as {old name: new name}. */
    private static final Map<String, Map<String, String>> PROVENANCE_GROUPS_V1 = Map.of(
            "data", Map.of("trainMd5", "trainMd5", "testMd5", "testMd5", "dataSource", "source"),
            "software",
                    Map.of("gitCommit", "gitCommit", "javaVersion", "java", "djlVersion", "djl", "engine", "engine"),
            "hardware",
                    Map.of(
                            "device", "device", "os", "os", "cpu", "cpu", "cores", "cores", "threads", "threads",
                            "host", "host"),
            "times", Map.of("startedAt", "startedAt", "resumedAt", "resumedAt"));

    private static void groupProvenanceV1(JsonNode provenance) {
        if (provenance instanceof ObjectNode flat) {
            ObjectNode grouped = flat.objectNode();
            PROVENANCE_GROUPS_V1.forEach((group, fields) -> {
                ObjectNode node = grouped.putObject(group);
                fields.forEach((old, now) -> {
                    if (flat.has(old)) {
                        node.set(now, flat.get(old));
                    }
                });
            });
            flat.removeAll();
            flat.setAll(grouped);
        }
    }

    /**
     * Format 1 trained on CIFAR-100's fine labels at 32 px, with subsets of the first images: the
     * data's md5s are the provenance's when the file has one (a result), else the official ones
     * (a checkpoint); subsets are recorded as {@code first} only where a limit made them matter.
     */
    private static void upgradeConfigV1(JsonNode config, JsonNode provenanceData) {
        if (config instanceof ObjectNode c && !c.has("data")) {
            boolean limited =
                    c.path("trainLimit").asInt() > 0 || c.path("testLimit").asInt() > 0;
            ObjectNode data = c.putObject("data");
            data.put("format", "cifar100")
                    .put("labels", "fine")
                    .put("classes", 100)
                    .put("imageSize", 32);
            data.put("trainMd5", provenanceData.path("trainMd5").asText(Checksums.TRAIN_MD5));
            data.put("testMd5", provenanceData.path("testMd5").asText(Checksums.TEST_MD5));
            data.put("trainImages", 50_000).put("testImages", 10_000);
            data.put("subsets", limited ? "first" : DataRef.STRATIFIED);
            c.put("resolution", 0);
        }
        if (config instanceof ObjectNode c) {
            if (!c.hasNonNull("family")) {
                c.put("family", "bottleneck");
            }
            if (!c.hasNonNull("widen") || c.get("widen").asDouble() == 0) {
                c.put("widen", 1);
            }
            if (!c.hasNonNull("precision")) {
                c.put("precision", "fp32");
            }
        }
    }

    private static void upgradeHistoryV1(JsonNode history) {
        if (history != null) {
            history.forEach(row -> moveFieldsToMetrics((ObjectNode) row, EPOCH_FIELDS_V1));
        }
    }

    /** Moves each old field that is present and not null into {@code metrics}, unless already there. */
    private static void moveFieldsToMetrics(ObjectNode node, Map<String, String> fields) {
        ObjectNode metrics = node.get("metrics") instanceof ObjectNode m ? m : node.putObject("metrics");
        for (Map.Entry<String, String> field : fields.entrySet()) {
            JsonNode value = node.remove(field.getKey());
            if (value != null && !value.isNull() && !metrics.has(field.getValue())) {
                metrics.set(field.getValue(), value);
            }
        }
    }

    private static ObjectNode readTree(Path file) {
        try {
            if (Json.MAPPER.readTree(file.toFile()) instanceof ObjectNode tree) {
                return tree;
            }
        } catch (IOException e) {
            throw damaged(file, e);
        }
        throw new CnnlabException("cannot read " + file + ": it is not a JSON object; delete it to recompute it");
    }

    private static <T> T bind(ObjectNode tree, Class<T> type, Path file) {
        tree.remove(FORMAT_FIELD);
        try {
            return Json.MAPPER.treeToValue(tree, type);
        } catch (IOException | IllegalArgumentException e) {
            throw damaged(file, e);
        }
    }

    private static CnnlabException damaged(Path file, Exception e) {
        return new CnnlabException("cannot read " + file + " (" + e.getClass().getSimpleName()
                + "): the file is damaged; delete it to recompute it");
    }

    private static Map<String, String> orderedMap(String k1, String v1, String k2, String v2) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return Collections.unmodifiableMap(map);
    }
}
