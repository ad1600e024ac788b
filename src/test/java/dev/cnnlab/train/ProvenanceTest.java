package dev.cnnlab.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvenanceTest {

    private static void git(Path repo, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(
                List.of("git", "-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command)
                .directory(repo.toFile())
                .redirectErrorStream(true)
                .start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0)
                .as("git " + String.join(" ", args))
                .isTrue();
    }

    @Test
    void anUntrackedFileMakesTheCheckoutDirtyAndAnIgnoredOneDoesNot(@TempDir Path repo) throws Exception {
        git(repo, "init", "-q");
        Files.writeString(repo.resolve(".gitignore"), "target/\n");
        Files.writeString(repo.resolve("A.java"), "class A {}\n");
        git(repo, "add", ".");
        git(repo, "commit", "-q", "-m", "first");
        String clean = Provenance.gitCommit(repo);
        assertThat(clean).matches("[0-9a-f]{40}");

        Files.createDirectories(repo.resolve("target"));
        Files.writeString(repo.resolve("target/A.class"), "built");
        assertThat(Provenance.gitCommit(repo)).isEqualTo(clean);

        Files.writeString(repo.resolve("B.java"), "class B {}\n"); // new source, not yet added
        assertThat(Provenance.gitCommit(repo)).isEqualTo(clean + "-dirty");
    }

    @Test
    void outsideAGitCheckoutThereIsNoCommit(@TempDir Path dir) {
        assertThat(Provenance.gitCommit(dir)).isNull();
    }
}
