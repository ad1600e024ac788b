package dev.cnnlab.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.cnnlab.Fixtures;
import dev.cnnlab.data.Dataset;
import dev.cnnlab.technique.TechniqueSpec;
import dev.cnnlab.torch.EngineSetup;
import dev.cnnlab.train.tensorboard.MaskedCrc32c;
import dev.cnnlab.util.Files2;
import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.Event;
import org.tensorflow.proto.Summary;

/**
 * The TensorBoard event files of real tiny runs, read back record by record (every checksum
 * checked) with TensorFlow's own Event classes and compared with {@code epochs.csv}.
 */
class TensorBoardLogTest {

    /** Each scalar tag and the epochs.csv column it must equal, with that column's rounding. */
    private static final Map<String, Column> COLUMNS = columns();

    private record Column(String name, double tolerance) {}

    private static Dataset data;

    @BeforeAll
    static void setUp() {
        Fixtures.engine();
        data = Fixtures.realDataset();
    }

    private static TrainConfig tiny(int epochs, int trainLimit, List<TechniqueSpec> techniques) {
        return TrainConfig.builder()
                .depth(11)
                .techniques(techniques)
                .epochs(epochs)
                .lr(0.05)
                .lrMilestones(List.of())
                .batchSize(64)
                .seed(42)
                .trainLimit(trainLimit)
                .testLimit(128)
                .threads(EngineSetup.defaultThreads())
                .build();
    }

    @Test
    void everyEpochsScalarsEqualEpochsCsvAndTheConfigIsText(@TempDir Path tmp) throws IOException {
        RunFiles files = new RunFiles(tmp.resolve("r11_ema_s42"));
        // the weight average adds an extra metric, test_top1_ema
        TrainConfig config = tiny(2, 512, List.of(TechniqueSpec.of("ema", "decay", 0.9)));
        new Trainer(config, data, files, TrainListener.SILENT, 2).run(false);

        List<Path> eventFiles = eventFiles(files);
        assertThat(eventFiles).hasSize(1);
        assertThat(eventFiles.get(0).getFileName().toString()).matches("events\\.out\\.tfevents\\.\\d{10}\\..+");
        List<Event> events = readStrictly(eventFiles.get(0));

        assertThat(events.get(0).getFileVersion()).isEqualTo("brain.Event:2");
        Summary.Value text = events.get(1).getSummary().getValue(0);
        assertThat(events.get(1).getStep()).isZero();
        assertThat(text.getTag()).isEqualTo("config");
        assertThat(text.getMetadata().getPluginData().getPluginName()).isEqualTo("text");
        assertThat(text.getTensor().getDtype()).isEqualTo(DataType.DT_STRING);
        assertThat(text.getTensor().getStringVal(0).toStringUtf8())
                .contains("r11_ema_s42") // the run's (a study's cell's) name
                .contains("\"seed\": 42")
                .contains("\"decay\": 0.9");

        List<CSVRecord> csv = csv(files);
        assertThat(events).hasSize(2 + csv.size());
        assertScalarsEqualCsv(events.subList(2, events.size()), csv);
        // the tiny run learns: its logged training loss falls from the first epoch to the second
        assertThat(scalar(events.get(3), "train/loss")).isLessThan(scalar(events.get(2), "train/loss"));
    }

    /**
     * Killed in epoch 3 after epochs 1 and 2 were logged, and its last record then cut in half (as
     * a kill while writing leaves it): the resumed run keeps epoch 1's record as it was, cuts the
     * half record, logs epoch 2 again from the checkpoint and then epoch 3, each once.
     */
    @Test
    void aResumedRunLogsEachEpochOnceAfterCuttingAPartialLastRecord(@TempDir Path tmp) throws IOException {
        TrainConfig config = tiny(3, 256, List.of());
        RunFiles files = new RunFiles(tmp.resolve("run"));
        killDuring(config, files, 3, 2);
        Path file = eventFiles(files).get(0);
        List<Event> before = readStrictly(file);
        assertThat(steps(before)).containsExactly(1L, 2L);
        byte[] bytes = Files.readAllBytes(file);
        int lastRecord = recordStarts(bytes).get(3); // file version, config, epoch 1, epoch 2
        Files.write(file, Arrays.copyOf(bytes, lastRecord + (bytes.length - lastRecord) / 2));

        new Trainer(config, data, files, TrainListener.SILENT, 2, 0).run(true);

        assertThat(eventFiles(files)).containsExactly(file);
        byte[] after = Files.readAllBytes(file);
        assertThat(Arrays.copyOf(after, lastRecord)).isEqualTo(Arrays.copyOf(bytes, lastRecord));
        List<Event> events = readStrictly(file);
        assertThat(events.stream().filter(e -> e.hasSummary() && e.getStep() == 0))
                .as("the config text, once")
                .hasSize(1);
        assertThat(steps(events)).containsExactly(1L, 2L, 3L);
        assertScalarsEqualCsv(events.subList(2, events.size()), csv(files));
    }

    /** The log follows the checkpoint: a run that starts over without one starts its log over too. */
    @Test
    void aRunThatStartsOverWithoutItsCheckpointStartsItsLogOver(@TempDir Path tmp) throws IOException {
        TrainConfig config = tiny(2, 256, List.of());
        RunFiles files = new RunFiles(tmp.resolve("run"));
        killDuring(config, files, 2, 2);
        assertThat(steps(readStrictly(eventFiles(files).get(0)))).containsExactly(1L);
        Files2.deleteTree(files.dir().resolve("checkpoint"));

        new Trainer(config, data, files, TrainListener.SILENT, 2, 0).run(true);

        List<Event> events = new ArrayList<>();
        for (Path file : eventFiles(files)) {
            events.addAll(readStrictly(file));
        }
        assertThat(steps(events)).containsExactly(1L, 2L);
        assertThat(events.stream().filter(e -> e.hasSummary() && e.getStep() == 0))
                .hasSize(1);
        assertScalarsEqualCsv(events.stream().filter(e -> e.getStep() > 0).toList(), csv(files));
    }

    @Test
    void withoutTensorBoardARunWritesNoEventFiles(@TempDir Path tmp) {
        RunFiles files = new RunFiles(tmp.resolve("run"));
        new Trainer(tiny(1, 128, List.of()), data, files, TrainListener.SILENT, 2)
                .tensorBoard(false)
                .run(false);
        assertThat(files.dir().resolve(RunFiles.EPOCHS)).isRegularFile();
        assertThat(files.dir().resolve(TensorBoardLog.DIR)).doesNotExist();
    }

    /** Every scalar event equals its epochs.csv row (step = epoch), with exactly the expected tags. */
    private static void assertScalarsEqualCsv(List<Event> events, List<CSVRecord> csv) {
        assertThat(events).hasSameSizeAs(csv);
        for (int i = 0; i < csv.size(); i++) {
            CSVRecord row = csv.get(i);
            Event event = events.get(i);
            assertThat(event.getStep()).isEqualTo(Long.parseLong(row.get("epoch")));
            Map<String, Float> scalars = new LinkedHashMap<>();
            event.getSummary().getValueList().forEach(v -> scalars.put(v.getTag(), v.getSimpleValue()));
            List<String> expectedTags = COLUMNS.entrySet().stream()
                    .filter(c -> row.isMapped(c.getValue().name()))
                    .map(Map.Entry::getKey)
                    .toList();
            assertThat(scalars.keySet()).containsExactlyInAnyOrderElementsOf(expectedTags);
            assertThat(row.size()).as("every csv column is logged").isEqualTo(expectedTags.size() + 1);
            scalars.forEach((tag, value) -> {
                Column column = COLUMNS.get(tag);
                double expected = Double.parseDouble(row.get(column.name()));
                assertThat((double) value)
                        .as("%s at epoch %d", tag, event.getStep())
                        .isCloseTo(expected, within(column.tolerance() + 1e-6 * Math.abs(expected)));
            });
        }
    }

    private static Map<String, Column> columns() {
        Map<String, Column> columns = new LinkedHashMap<>();
        // epochs.csv's rounding (EpochStats.csvRow): half a unit of its last digit
        columns.put("train/loss", new Column("train_loss", 5e-6));
        columns.put("train/top1", new Column("train_top1", 5e-4));
        columns.put("train/lr", new Column("lr", 0)); // 6 significant digits: the relative term covers it
        columns.put("train/images_per_second", new Column("train_images_per_second", 0.05));
        columns.put("test/loss", new Column("test_loss", 5e-6));
        columns.put("test/top1", new Column("test_top1", 5e-4));
        columns.put("test/top5", new Column("test_top5", 5e-4));
        columns.put("test/top1_ema", new Column("test_top1_ema", 5e-4));
        columns.put("time/epoch_seconds", new Column("epoch_seconds", 5e-3));
        return columns;
    }

    private static float scalar(Event event, String tag) {
        return event.getSummary().getValueList().stream()
                .filter(v -> v.getTag().equals(tag))
                .findFirst()
                .orElseThrow()
                .getSimpleValue();
    }

    private static List<Long> steps(List<Event> events) {
        return events.stream()
                .filter(e -> e.hasSummary() && e.getStep() > 0)
                .map(Event::getStep)
                .toList();
    }

    private static List<CSVRecord> csv(RunFiles files) throws IOException {
        try (Reader in = Files.newBufferedReader(files.dir().resolve(RunFiles.EPOCHS))) {
            return CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(in)
                    .getRecords();
        }
    }

    private static List<Path> eventFiles(RunFiles files) throws IOException {
        try (Stream<Path> list = Files.list(files.dir().resolve(TensorBoardLog.DIR))) {
            return list.sorted().toList();
        }
    }

    /**
     * Parses a whole event file: every record's length and data must match their masked CRC-32C
     * and the records must end exactly at the end of the file.
     */
    private static List<Event> readStrictly(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        List<Event> events = new ArrayList<>();
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        while (in.hasRemaining()) {
            int start = in.position();
            long length = in.getLong();
            assertThat(in.getInt()).as("length CRC at %d", start).isEqualTo(MaskedCrc32c.of(bytes, start, 8));
            byte[] data = new byte[(int) length];
            in.get(data);
            assertThat(in.getInt()).as("data CRC at %d", start).isEqualTo(MaskedCrc32c.of(data, 0, data.length));
            events.add(Event.parseFrom(data));
        }
        return events;
    }

    private static List<Integer> recordStarts(byte[] bytes) {
        List<Integer> starts = new ArrayList<>();
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        while (in.hasRemaining()) {
            starts.add(in.position());
            in.position(in.position() + 12 + (int) in.getLong(in.position()) + 4);
        }
        return starts;
    }

    /** Trains until batch {@code batch} of epoch {@code epoch}, then fails as a kill would. */
    private static void killDuring(TrainConfig config, RunFiles files, int epoch, int batch) {
        TrainListener crash = new TrainListener() {
            int current;

            @Override
            public void epochStarted(int e, int epochs, double lr, int batches) {
                current = e;
            }

            @Override
            public void batchDone(int b, int batches, double loss, double rate) {
                if (current == epoch && b == batch) {
                    throw new IllegalStateException("simulated kill");
                }
            }
        };
        assertThatThrownBy(() -> new Trainer(config, data, files, crash, 2, 0).run(false))
                .hasMessage("simulated kill");
        assertThat(files.checkpoint().peek().orElseThrow().completedEpochs()).isEqualTo(epoch - 1);
    }
}
