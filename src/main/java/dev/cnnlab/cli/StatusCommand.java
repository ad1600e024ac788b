package dev.cnnlab.cli;

import dev.cnnlab.CnnlabException;
import dev.cnnlab.study.StudyDirectory;
import dev.cnnlab.study.StudyStatus;
import dev.cnnlab.util.Json;
import java.io.PrintStream;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cnnlab status DIR}: where a study stands, read from its directory alone, so it follows
 * cells trained by other processes or machines (a job array's tasks writing to a shared folder).
 */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Show a study's cells (done, running with epoch, batch, img/s, ETA and pid@host, waiting,"
                    + " awaiting promotion, not promoted, interrupted, failed) and the study's ETA.",
            "Reads only the study directory: run it anywhere the directory is visible."
        })
final class StatusCommand implements Runnable {

    /** The ANSI sequence that clears the screen and puts the cursor home, for --watch. */
    static final String CLEAR = "\033[H\033[2J";

    @Parameters(index = "0", paramLabel = "DIR", description = "the study directory (a study's --out)")
    Path dir;

    @Option(names = "--watch", description = "redraw in place every --interval seconds, until Ctrl-C")
    boolean watch;

    @Option(
            names = "--interval",
            paramLabel = "S",
            defaultValue = "5",
            description = "seconds between redraws with --watch (default ${DEFAULT-VALUE})")
    double interval;

    @Option(names = "--json", description = "print the status as JSON (one document; with --watch, one per redraw)")
    boolean json;

    @Override
    public void run() {
        if (!(interval > 0)) {
            throw new CnnlabException("--interval must be > 0 seconds, got " + interval);
        }
        StudyDirectory directory = new StudyDirectory(dir);
        directory.spec(); // no study here: a one-line error before anything is drawn
        PrintStream out = System.out;
        do {
            String text =
                    json ? Json.write(StudyStatus.read(directory)) : StatusTable.render(StudyStatus.read(directory));
            out.print((watch && !json ? CLEAR : "") + text + (text.endsWith("\n") ? "" : "\n"));
            out.flush();
            if (watch) {
                try {
                    Thread.sleep((long) (interval * 1000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        } while (watch);
    }
}
