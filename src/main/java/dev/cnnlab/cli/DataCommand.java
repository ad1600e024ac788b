package dev.cnnlab.cli;

import dev.cnnlab.CnnlabException;
import dev.cnnlab.data.CifarData;
import dev.cnnlab.data.DataFetcher;
import dev.cnnlab.data.DataVerifier;
import dev.cnnlab.data.VerifyReport;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code cnnlab data fetch|verify}. */
@Command(
        name = "data",
        description = "Get and check the CIFAR-100 data.",
        mixinStandardHelpOptions = true,
        subcommands = {DataCommand.Fetch.class, DataCommand.Verify.class})
final class DataCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    @Command(
            name = "fetch",
            mixinStandardHelpOptions = true,
            description = "Download the official cifar-100-binary.tar.gz, check its md5 and unpack it into --data.")
    static final class Fetch implements Runnable {
        @Mixin
        DataOptions data;

        @Override
        public void run() {
            Path target = data.location();
            Path where = DataFetcher.fetch(target, line -> System.err.print("\r" + line));
            System.err.println();
            System.out.println("CIFAR-100 ready in " + where);
        }
    }

    @Command(
            name = "verify",
            mixinStandardHelpOptions = true,
            description =
                    "Check sizes, labels, per-class counts and md5 of the data; print counts and channel mean/std.")
    static final class Verify implements Runnable {
        @Mixin
        DataOptions data;

        @Override
        public void run() {
            CifarData cifar = DataOptions.readCifar100(data.data);
            VerifyReport report = DataVerifier.verify(cifar);
            System.out.println(report.render());
            if (!report.ok()) {
                throw new CnnlabException("the data in " + cifar.source() + " does not match the official CIFAR-100"
                        + " (see above): re-download it with `./cnnlab data fetch`");
            }
        }
    }
}
