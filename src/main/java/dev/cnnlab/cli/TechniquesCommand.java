package dev.cnnlab.cli;

import dev.cnnlab.technique.TechniqueCatalog;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;

/** {@code cnnlab techniques}: the catalogue. */
@Command(
        name = "techniques",
        mixinStandardHelpOptions = true,
        description = "List the techniques a study spec can switch on, with their options and papers.")
final class TechniquesCommand implements Runnable {

    @Override
    public void run() {
        for (TechniqueCatalog.Entry entry : TechniqueCatalog.entries()) {
            System.out.printf(Locale.ROOT, "%-16s %s%n", entry.name(), entry.description());
            System.out.printf(Locale.ROOT, "%-16s acts on: %s%n", "", entry.acts());
            StringBuilder options = new StringBuilder();
            for (Map.Entry<String, Double> option : new TreeMap<>(entry.defaults()).entrySet()) {
                options.append(options.length() == 0 ? "" : ", ")
                        .append(option.getKey())
                        .append('=')
                        .append(format(option.getValue()));
            }
            System.out.printf(Locale.ROOT, "%-16s options: %s%n", "", options.length() == 0 ? "none" : options);
            System.out.printf(Locale.ROOT, "%-16s paper: %s%n%n", "", entry.paper());
        }
        System.out.println("In a study spec: techniques: {my-set: {mixup: {alpha: 0.4}, se: {}}}");
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
