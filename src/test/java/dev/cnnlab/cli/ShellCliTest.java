package dev.cnnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the shell sees of cnnlab: the completion script bash runs, and the version with its commit. */
class ShellCliTest {

    @Test
    void bashCompletesTheSubcommandsFromTheGeneratedScript(@TempDir Path tmp) throws Exception {
        CliProcess.Outcome generated = CliProcess.run("completion", "bash");
        assertThat(generated.exitCode()).as(generated.stderr()).isZero();
        Path script = Files.writeString(tmp.resolve("cnnlab.bash"), generated.stdout());
        assertThat(complete(script, "cnnlab", "st")).containsExactlyInAnyOrder("study", "status");
        assertThat(complete(script, "cnnlab", "status", "--w")).containsExactly("--watch");
        // zsh gets the same script, which switches on zsh's bash-completion emulation itself
        CliProcess.Outcome zsh = CliProcess.run("completion", "zsh");
        assertThat(zsh.stdout()).isEqualTo(generated.stdout()).contains("bashcompinit");
    }

    @Test
    void versionNamesTheCommitItWasBuiltFrom() throws Exception {
        CliProcess.Outcome outcome = CliProcess.run("--version");
        assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
        assertThat(outcome.stdout()).containsPattern("^cnnlab \\d+\\.\\d+\\.\\d+ \\(");
        if (Files.isDirectory(Path.of(".git"))) { // a clone, as CI's
            String head = git("rev-parse", "--short=7", "HEAD");
            assertThat(outcome.stdout()).containsPattern("\\(commit " + head + "(, modified)?\\)");
        } else if (Files.exists(Path.of(".git"))) {
            // a linked worktree: the plugin reads the main checkout's HEAD (pom.xml), a commit all the same
            assertThat(outcome.stdout()).containsPattern("\\(commit [0-9a-f]{7}(, modified)?\\)");
        }
    }

    @Test
    void aBuildWithoutGitSaysUnknownCommit() {
        Properties unfiltered = new Properties();
        unfiltered.setProperty("commit", "${git.commit.id.abbrev}");
        unfiltered.setProperty("dirty", "${git.dirty}");
        assertThat(Main.Version.commit(unfiltered)).isEqualTo("unknown commit");
        Properties built = new Properties();
        built.setProperty("commit", "abc1234");
        built.setProperty("dirty", "true");
        assertThat(Main.Version.commit(built)).isEqualTo("commit abc1234, modified");
    }

    /** The words bash's completion offers for the command line {@code words} (the last one being typed). */
    private static List<String> complete(Path script, String... words) throws Exception {
        String line = String.join(" ", words);
        String program = "source " + script + "; COMP_WORDS=(" + line + "); COMP_CWORD=" + (words.length - 1)
                + "; COMP_LINE='" + line + "'; COMP_POINT=" + line.length()
                + "; _complete_cnnlab; printf '%s\\n' \"${COMPREPLY[@]}\"";
        Process bash = new ProcessBuilder("bash", "-c", program)
                .redirectError(ProcessBuilder.Redirect.DISCARD) // compopt: "not currently executing completion"
                .start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String git(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(git.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
