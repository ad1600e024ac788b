package dev.cnnlab.cli;

import dev.cnnlab.CnnlabException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code cnnlab} command line. */
@Command(
        name = "cnnlab",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description =
                "Does a technique's gain on a tiny CNN predict its gain on a big one? Train and compare on CIFAR-100.",
        subcommands = {
            DataCommand.class,
            ModelCommand.class,
            TrainCommand.class,
            StudyCommand.class,
            StatusCommand.class,
            ReportCommand.class,
            TechniquesCommand.class,
            BenchCommand.class,
            CompletionCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit status (for tests and {@link #main}). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler(Main::onError);
        cli.setParameterExceptionHandler(Main::onBadArguments);
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    private static int onError(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (e instanceof CnnlabException known) {
            err.println("cnnlab: error: " + ErrorPhrasing.phrase(known, cli.getCommandName()));
            err.flush();
            return CnnlabException.EXIT_CODE;
        }
        err.println("cnnlab: internal error: " + e + " (set CNNLAB_DEBUG=1 for the stack trace; please report it)");
        if (System.getenv("CNNLAB_DEBUG") != null) {
            e.printStackTrace(err);
        }
        err.flush();
        return 1;
    }

    private static int onBadArguments(CommandLine.ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println("cnnlab: error: " + e.getMessage().lines().findFirst().orElse("bad arguments") + " (see `"
                + e.getCommandLine().getCommandSpec().qualifiedName() + " --help`)");
        err.flush();
        return CnnlabException.EXIT_CODE;
    }

    /**
     * The versions and the commit the build wrote into {@code dev/cnnlab/version.properties}
     * (pom.xml filters it; the git-commit-id plugin supplies the commit). A build without a .git
     * leaves the commit's placeholder, read as "unknown commit".
     */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws java.io.IOException {
            java.util.Properties build = new java.util.Properties();
            try (java.io.InputStream in = Main.class.getResourceAsStream("/dev/cnnlab/version.properties")) {
                if (in == null) {
                    throw new IllegalStateException("dev/cnnlab/version.properties is missing: rebuild with mvn");
                }
                build.load(in);
            }
            return new String[] {
                "cnnlab " + build.getProperty("version") + " (" + commit(build) + ")",
                "DJL " + build.getProperty("djl") + " on libtorch " + build.getProperty("libtorch") + ", Java "
                        + System.getProperty("java.version")
            };
        }

        /** {@code commit abc1234}, {@code commit abc1234, modified} or {@code unknown commit}. */
        static String commit(java.util.Properties build) {
            String commit = build.getProperty("commit", "");
            if (commit.isBlank() || commit.startsWith("${")) {
                return "unknown commit";
            }
            return "commit " + commit + ("true".equals(build.getProperty("dirty")) ? ", modified" : "");
        }
    }
}
