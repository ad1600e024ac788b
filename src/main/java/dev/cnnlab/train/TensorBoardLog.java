package dev.cnnlab.train;

import com.google.protobuf.ByteString;
import dev.cnnlab.train.tensorboard.EventLog;
import dev.cnnlab.util.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.Event;
import org.tensorflow.proto.Summary;
import org.tensorflow.proto.SummaryMetadata;
import org.tensorflow.proto.TensorProto;
import org.tensorflow.proto.TensorShapeProto;

/**
 * A run's TensorBoard curves, in {@code tb/} beside {@code epochs.csv}: one event per epoch of the
 * history (step = epoch) with every column of {@code epochs.csv} as a scalar, and the run's name
 * and config as text at step 0. {@code tensorboard --logdir} on a study's {@code runs/} shows each
 * cell as a run named by its directory.
 *
 * <p>The log follows the checkpoint as {@code epochs.csv} does: a resumed run appends the epochs
 * its log lacks, so each step is logged once; a run that starts over (no checkpoint) or whose log
 * holds epochs its checkpoint does not clears the log first.
 */
final class TensorBoardLog {

    /** The run directory's folder of event files. */
    static final String DIR = "tb";

    /** The tag of the text summary with the run's name and config. */
    static final String CONFIG_TAG = "config";

    /** TensorBoard's text plugin, which shows a string tensor as Markdown. */
    private static final String TEXT_PLUGIN = "text";

    private final EventLog log;
    private final String runName;
    private int loggedEpochs;

    private TensorBoardLog(EventLog log, String runName, int loggedEpochs) {
        this.log = log;
        this.runName = runName;
        this.loggedEpochs = loggedEpochs;
    }

    /** The event folder of a run directory. */
    static Path dir(RunFiles files) {
        return files.dir().resolve(DIR);
    }

    /**
     * Opens the run's log and brings it up to {@code state}: the config text when the log has none,
     * then the epochs it lacks.
     *
     * @param resumed whether {@code state} comes from the run's checkpoint (else the run starts over)
     */
    static TensorBoardLog open(RunFiles files, TrainState state, boolean resumed, String host) {
        EventLog log = EventLog.open(dir(files), host);
        int logged = (int) log.events().stream()
                .filter(e -> e.hasSummary() && e.getStep() > 0)
                .mapToLong(Event::getStep)
                .max()
                .orElse(0);
        if (!resumed || logged > state.completedEpochs()) {
            log.clear();
            logged = 0;
        }
        String runName = String.valueOf(files.dir().toAbsolutePath().normalize().getFileName());
        TensorBoardLog board = new TensorBoardLog(log, runName, logged);
        if (log.events().stream().noneMatch(TensorBoardLog::isConfigText)) {
            board.writeConfig(state.config());
        }
        board.write(state);
        return board;
    }

    /** Logs the epochs of {@code state}'s history that are not logged yet. */
    void write(TrainState state) {
        for (EpochStats row :
                state.history().subList(loggedEpochs, state.history().size())) {
            Summary.Builder summary = Summary.newBuilder();
            scalars(row)
                    .forEach((tag, value) -> summary.addValue(
                            Summary.Value.newBuilder().setTag(tag).setSimpleValue(value.floatValue())));
            log.write(Event.newBuilder()
                    .setWallTime(now())
                    .setStep(row.epoch())
                    .setSummary(summary)
                    .build());
            loggedEpochs = row.epoch();
        }
    }

    /**
     * An epoch's scalars by tag: {@code train/...} and {@code test/...} group in TensorBoard's
     * scalar dashboard; an extra metric {@code test_X} is logged as {@code test/X}.
     */
    static Map<String, Double> scalars(EpochStats row) {
        Map<String, Double> scalars = new LinkedHashMap<>();
        scalars.put("train/loss", row.trainLoss());
        scalars.put("train/top1", row.trainTop1());
        scalars.put("train/lr", row.lr());
        scalars.put("train/images_per_second", row.trainImagesPerSecond());
        scalars.put("test/loss", row.testLoss());
        scalars.put("test/top1", row.testTop1());
        scalars.put("test/top5", row.testTop5());
        row.metrics().forEach((key, value) -> scalars.put("test/" + key.replaceFirst("^test_", ""), value));
        scalars.put("time/epoch_seconds", row.seconds());
        return scalars;
    }

    private void writeConfig(TrainConfig config) {
        String text = "run **" + runName + "**: " + config.modelSpec().displayName() + ", seed " + config.seed()
                + "\n\n"
                // a Markdown code block: indented four spaces
                + Json.write(config).lines().map(line -> "    " + line).collect(Collectors.joining("\n"));
        TensorProto tensor = TensorProto.newBuilder()
                .setDtype(DataType.DT_STRING)
                .setTensorShape(TensorShapeProto.getDefaultInstance()) // a scalar: one string
                .addStringVal(ByteString.copyFrom(text, StandardCharsets.UTF_8))
                .build();
        SummaryMetadata metadata = SummaryMetadata.newBuilder()
                .setPluginData(SummaryMetadata.PluginData.newBuilder().setPluginName(TEXT_PLUGIN))
                .build();
        log.write(Event.newBuilder()
                .setWallTime(now())
                .setStep(0)
                .setSummary(Summary.newBuilder()
                        .addValue(Summary.Value.newBuilder()
                                .setTag(CONFIG_TAG)
                                .setMetadata(metadata)
                                .setTensor(tensor)))
                .build());
    }

    private static boolean isConfigText(Event event) {
        List<Summary.Value> values = event.getSummary().getValueList();
        return values.stream()
                .anyMatch(v -> v.getTag().equals(CONFIG_TAG)
                        && v.getMetadata().getPluginData().getPluginName().equals(TEXT_PLUGIN));
    }

    private static double now() {
        return System.currentTimeMillis() / 1000.0;
    }
}
