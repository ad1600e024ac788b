package dev.cnnlab.cli;

import dev.cnnlab.CnnlabException;
import dev.cnnlab.data.DataSpec;
import dev.cnnlab.data.Dataset;
import dev.cnnlab.device.ComputeDevice;
import dev.cnnlab.device.GpuProbe;
import dev.cnnlab.report.ReportFiles;
import dev.cnnlab.report.StudyReport;
import dev.cnnlab.study.Cell;
import dev.cnnlab.study.PromotionPlan;
import dev.cnnlab.study.ReportLock;
import dev.cnnlab.study.StudyDirectory;
import dev.cnnlab.study.StudyRunner;
import dev.cnnlab.study.StudySpec;
import dev.cnnlab.study.StudySpecReader;
import dev.cnnlab.torch.EngineSetup;
import dev.cnnlab.train.ConfigException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cnnlab study}: every cell of a study, resumable, locally or as one task of a job array. */
@Command(
        name = "study",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        defaultValueProvider = ReferenceDefaults.class,
        description = {
            "Run a size-versus-technique study (models x technique sets x seeds) and write its report.",
            "Killed at any point and started again, it skips finished cells and resumes the interrupted one."
        })
final class StudyCommand implements Runnable {

    @Parameters(index = "0", paramLabel = "SPEC", description = "study spec (YAML), e.g. studies/quick.yaml")
    Path specFile;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "study directory (runs/<cell-id>/, study.json, report.*)")
    Path out;

    @Option(names = "--list", description = "print the cells with their index and status, then exit")
    boolean list;

    @ArgGroup(validate = false, heading = "%nWhich cells and how:%n", order = 1)
    Execution execution = new Execution();

    @ArgGroup(
            validate = false,
            heading = "%nOverrides for every cell (shrink a shipped spec for a smoke run; unset: the spec's values;"
                    + " epochs and training images scale each model's own in proportion):%n",
            order = 2)
    SettingsOptions settings = new SettingsOptions();

    @ArgGroup(validate = false, order = 3)
    Seeds seeds = new Seeds();

    @Mixin
    DataOptions data;

    @Mixin
    DeviceOption device;

    @Spec
    CommandSpec command;

    static final class Execution {
        @Option(
                names = "--cell",
                paramLabel = "I",
                split = ",",
                description = "run only these cells (e.g. $SLURM_ARRAY_TASK_ID or $JOB_COMPLETION_INDEX); see --list")
        List<Integer> cells;

        @Option(
                names = "--workers",
                paramLabel = "K",
                defaultValue = "1",
                description =
                        "cells trained at once, one process each (one per GPU: --device gpu spreads them over every"
                                + " GPU, gpu:N keeps them on GPU N; on CPU the cores are split; default ${DEFAULT-VALUE})")
        int workers;

        @Option(
                names = "--threads",
                paramLabel = "N",
                description = "libtorch threads per cell (default: cores / workers)")
        Integer threads;

        @Option(
                names = "--loader-threads",
                paramLabel = "N",
                defaultValue = "2",
                description = "data loader threads per cell (default ${DEFAULT-VALUE})")
        int loaderThreads;

        /** The old name of --loader-threads, kept hidden for one release (0.2). */
        @Option(names = "--loader-workers", paramLabel = "N", hidden = true)
        Integer oldLoaderThreads;

        /** --loader-threads, or the old --loader-workers with a warning. */
        int loaderThreads() {
            if (oldLoaderThreads == null) {
                return loaderThreads;
            }
            System.err.println("cnnlab: warning: study --loader-workers is now --loader-threads; the old name goes"
                    + " in the next release");
            return oldLoaderThreads;
        }

        @Option(names = "--no-report", description = "do not write the report at the end")
        boolean noReport;

        @Option(names = "--quiet", description = "no progress bars, only per-epoch rows")
        boolean quiet;

        @Option(
                names = "--no-tensorboard",
                description = "write no TensorBoard event files (runs/<cell-id>/tb/); they are on by default")
        boolean noTensorBoard;

        @Option(
                names = "--no-promote",
                description = "train the full grid: every cell, promoted or not (the report then"
                        + " shows what the promotion would have cost in accuracy)")
        boolean noPromote;

        /** The default, spelled out for worker command lines. */
        @Option(names = "--promote", hidden = true)
        boolean promote;

        /** Set by --workers for its child processes: cells left to other workers are not an error. */
        @Option(names = "--worker", hidden = true)
        boolean worker;
    }

    static final class Seeds {
        @Option(names = "--seeds", paramLabel = "S,S", split = ",", description = "seeds (replaces the spec's)")
        List<Long> seeds;
    }

    @Override
    public void run() {
        StudySpec spec;
        try {
            spec = overridden(StudySpecReader.read(specFile));
        } catch (IllegalArgumentException e) {
            throw new CnnlabException(specFile + " with the command-line overrides: " + e.getMessage());
        }
        List<Cell> all = spec.cells();
        if (list) {
            CellListing.print(spec, all, out == null ? null : new StudyDirectory(out));
            return;
        }
        if (out == null) {
            throw new CnnlabException("--out DIR is required: the study directory to write (or resume)");
        }
        List<Cell> selected = select(all);
        if (execution.workers < 1) {
            throw new CnnlabException("--workers must be >= 1, got " + execution.workers);
        }
        int threads = execution.threads != null
                ? execution.threads
                : Math.max(1, EngineSetup.defaultThreads() / execution.workers);
        // read before anything is written; --data's path is not part of the study
        Dataset cifar = spec.data().with(data.spec()).read();
        for (Cell cell : all) {
            try {
                cell.config(spec.protocol(), threads).validate();
                cifar.atResolution(cell.fidelity().resolution(spec.protocol())); // made once, used by the cells
            } catch (ConfigException e) {
                throw new CnnlabException(specFile + ": model '"
                        + cell.fidelity().name() + "' with set '"
                        + cell.techniqueSet() + "': " + e.field() + " " + e.problem() + " (from the spec's protocol or"
                        + " its models entry, or a command-line override)");
            }
        }
        ComputeDevice on = device.resolve(); // before anything is written
        StudyDirectory directory = new StudyDirectory(out).open(spec);

        long start = System.nanoTime();
        if (execution.workers > 1 && selected.size() > 1) {
            new WorkerPool(execution.workers, threads, workerGpus(on)).runAll(workerArguments(selected, threads, on));
        } else {
            EngineSetup.start(threads);
            ConsoleStudyProgress progress = new ConsoleStudyProgress(System.err, !execution.quiet, spec, directory);
            new StudyRunner(spec, directory, cifar)
                    .threads(threads)
                    .device(on)
                    .loaderWorkers(execution.loaderThreads())
                    .promote(!execution.noPromote)
                    .tensorBoard(!execution.noTensorBoard)
                    .listener(progress)
                    .run(selected);
        }
        long finished = all.stream().filter(directory::finished).count();
        System.err.printf(
                Locale.ROOT,
                "study %s: %d/%d cells finished (%s this time)%n",
                spec.name(),
                finished,
                all.size(),
                ConsoleProgress.duration((System.nanoTime() - start) / 1e9));
        if (execution.worker) {
            return;
        }
        if (!execution.noReport) {
            ReportFiles report;
            try (ReportLock turn = ReportLock.acquire(out)) { // tasks of a job array finish together
                report = StudyReport.write(out);
            }
            System.out.println(report.terminalSummary());
            System.out.println("report: " + report.markdown() + " and " + report.html() + "; data: " + report.analysis()
                    + " and " + report.results());
        }
        java.util.Optional<PromotionPlan.Decision> decision = execution.noPromote
                ? java.util.Optional.empty()
                : PromotionPlan.of(spec).map(p -> p.decide(directory::accuracy));
        List<Cell> missing = selected.stream()
                .filter(c -> !directory.finished(c))
                .filter(c -> decision.isEmpty()
                        || !PromotionPlan.of(spec).orElseThrow().skips(c, decision.get()))
                .toList();
        if (!missing.isEmpty()) {
            throw new CnnlabException(missing.size() + " selected cell(s) did not finish (e.g. "
                    + missing.get(0).id()
                    + ", still locked by another process or failed): run the same command again to resume them");
        }
    }

    private List<Cell> select(List<Cell> all) {
        if (execution.cells == null) {
            return all;
        }
        List<Cell> selected = new ArrayList<>();
        for (int index : execution.cells) {
            if (index < 0 || index >= all.size()) {
                throw new CnnlabException("--cell " + index + " is out of range: this study has cells 0.."
                        + (all.size() - 1) + " (see --list)");
            }
            selected.add(all.get(index));
        }
        return selected;
    }

    /**
     * The GPUs the workers share out, one per worker in turn: {@code gpu:N} keeps them all on N,
     * {@code gpu} and the default use every GPU, the CPU none.
     */
    private List<Integer> workerGpus(ComputeDevice device) {
        if (!device.isGpu()) {
            return List.of();
        }
        if (this.device.device != null && this.device.device.contains(":")) {
            return List.of(device.device().getDeviceId());
        }
        return java.util.stream.IntStream.range(0, GpuProbe.SYSTEM.gpuCount())
                .boxed()
                .toList();
    }

    /** The command line of one worker process: this study restricted to the selected cells, one cell at a time. */
    private List<String> workerArguments(List<Cell> selected, int threads, ComputeDevice device) {
        List<String> args = new ArrayList<>(List.of(
                "study",
                specFile.toString(),
                "--out",
                out.toString(),
                "--worker",
                "--quiet",
                "--threads",
                Integer.toString(threads),
                "--loader-threads",
                Integer.toString(execution.loaderThreads()),
                "--device",
                device.isGpu() ? "gpu" : "cpu", // a worker sees only its own GPU, as gpu:0
                execution.noPromote ? "--no-promote" : "--promote",
                "--cell",
                String.join(
                        ",",
                        selected.stream().map(c -> Integer.toString(c.index())).toList())));
        if (execution.noTensorBoard) {
            args.add("--no-tensorboard");
        }
        if (data.data != null) {
            args.add("--data");
            args.add(data.data.toString());
        }
        // the worker reads the same spec, so the data block's other parts come from study.json's twin
        DataSpec given = data.spec();
        if (given.format() != null) {
            args.addAll(List.of("--dataset", given.format()));
        }
        if (given.labels() != null) {
            args.addAll(List.of("--labels", given.labels()));
        }
        if (given.imageSize() != null) {
            args.addAll(List.of("--image-size", given.imageSize().toString()));
        }
        args.addAll(SettingsOptions.arguments(settings.given(command)));
        if (seeds.seeds != null) {
            args.add("--seeds");
            args.add(String.join(",", seeds.seeds.stream().map(String::valueOf).toList()));
        }
        return args;
    }

    /** The spec with the command line's settings and seeds laid over it. */
    private StudySpec overridden(StudySpec spec) {
        StudySpec result;
        try {
            result = spec.with(settings.given(command));
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof ConfigException bad) {
                    throw new CnnlabException(ReferenceDefaults.flag(bad.field()) + " " + bad.problem());
                }
            }
            throw e;
        }
        DataSpec given = data.spec();
        result = result.withData(
                result.data().with(new DataSpec(given.format(), null, given.labels(), given.imageSize())));
        return seeds.seeds != null ? result.withSeeds(seeds.seeds) : result;
    }
}
