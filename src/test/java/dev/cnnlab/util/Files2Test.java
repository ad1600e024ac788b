package dev.cnnlab.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Files2Test {

    /**
     * Several writers of one file at once (job array tasks opening the same study directory and
     * rewriting its report) must each succeed, and the file always holds one writer's whole text.
     * With a shared temporary name, one writer's rename took the other's file away from under it.
     */
    @Test
    void concurrentAtomicWritesOfOneFileAllSucceedAndLeaveOneWholeText(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("study.json");
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                String text = ("writer " + w + "\n").repeat(2000);
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 100; i++) {
                        Files2.writeAtomically(file, text);
                        String seen = Files.readString(file);
                        assertThat(seen)
                                .hasSize(text.length())
                                .isEqualTo(seen.substring(0, seen.indexOf('\n') + 1)
                                        .repeat(2000));
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left).containsExactly(file); // no temporary file left behind
        }
    }
}
