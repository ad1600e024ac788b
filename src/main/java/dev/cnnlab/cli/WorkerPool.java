package dev.cnnlab.cli;

import dev.cnnlab.CnnlabException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs K copies of a cnnlab command as child processes and waits for all of them.
 *
 * <p>Separate processes, not threads: libtorch allows one gradient recording per process, and
 * per-process thread pools keep the workers from fighting over cores. Each child claims cells
 * through the study's cell locks, so the same command line serves every worker. On a machine
 * with GPUs each child sees one GPU.
 */
final class WorkerPool {

    private final int workers;
    private final int threadsEach;
    /** GPUs given out to the workers in turn (CUDA_VISIBLE_DEVICES); empty on the CPU. */
    private final List<Integer> gpus;

    WorkerPool(int workers, int threadsEach, List<Integer> gpus) {
        this.workers = workers;
        this.threadsEach = threadsEach;
        this.gpus = List.copyOf(gpus);
    }

    void runAll(List<String> cnnlabArguments) {
        List<Process> children = new ArrayList<>();
        List<Thread> pumps = new ArrayList<>();
        Thread stopChildren = new Thread(() -> children.forEach(Process::destroy));
        Runtime.getRuntime().addShutdownHook(stopChildren);
        System.err.printf(
                "starting %d worker processes with %d libtorch threads each%s%n",
                workers, threadsEach, gpus.isEmpty() ? "" : " on GPU(s) " + gpus);
        try {
            for (int w = 0; w < workers; w++) {
                List<String> command = new ArrayList<>(javaCommand());
                command.addAll(cnnlabArguments);
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
                builder.environment().put("CNNLAB_PROGRESS", "plain");
                if (!gpus.isEmpty()) {
                    builder.environment().put("CUDA_VISIBLE_DEVICES", Integer.toString(gpus.get(w % gpus.size())));
                }
                Process child = builder.start();
                children.add(child);
                pumps.add(pump(child, "[worker " + (w + 1) + "] "));
                // stagger starts so workers claim different cells instead of racing for the first
                Thread.sleep(1500);
            }
            int failed = 0;
            for (int w = 0; w < children.size(); w++) {
                if (children.get(w).waitFor() != 0) {
                    failed++;
                }
                pumps.get(w).join();
            }
            if (failed > 0) {
                throw new CnnlabException(
                        failed + " of " + workers + " worker processes failed (see their output above):"
                                + " fix the cause and run the same command again; finished cells are kept");
            }
        } catch (IOException e) {
            throw new CnnlabException("cannot start worker processes: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CnnlabException("interrupted while waiting for workers; run the same command again to resume");
        } finally {
            children.forEach(Process::destroy);
            try {
                Runtime.getRuntime().removeShutdownHook(stopChildren);
            } catch (IllegalStateException e) {
                // already shutting down
            }
        }
    }

    /** The java command that started this process, with its classpath and options. */
    private static List<String> javaCommand() {
        String javaBinary = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(javaBinary));
        for (String arg :
                java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("-X") || arg.startsWith("-D")) {
                command.add(arg);
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        return command;
    }

    private static Thread pump(Process child, String prefix) {
        Thread thread = new Thread(
                () -> {
                    try (BufferedReader reader =
                            new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = reader.readLine()) != null) {
                            System.err.println(prefix + line);
                        }
                    } catch (IOException e) {
                        // child gone
                    }
                },
                "cnnlab-worker-output");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
