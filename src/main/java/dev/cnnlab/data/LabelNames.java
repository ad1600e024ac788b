package dev.cnnlab.data;

import dev.cnnlab.CnnlabException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Parses {@code fine_label_names.txt} / {@code coarse_label_names.txt}: one class name a line. */
final class LabelNames {

    private LabelNames() {}

    /**
     * The names in file order. Trailing blank lines and {@code \r} are ignored (some copies of the
     * official files end with an empty line); any other count than {@code expected} is an error.
     */
    static List<String> parse(byte[] bytes, int expected, String file, String where) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<String> names = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            names.add(line.strip());
        }
        while (!names.isEmpty() && names.get(names.size() - 1).isEmpty()) {
            names.remove(names.size() - 1);
        }
        if (names.size() != expected) {
            throw new CnnlabException(file + " in " + where + " has " + names.size() + " lines, not " + expected
                    + ": the file is damaged or not from CIFAR-100; " + SplitParser.REFETCH);
        }
        int blank = names.indexOf("");
        if (blank >= 0) {
            throw new CnnlabException(file + " in " + where + " has an empty line " + (blank + 1)
                    + ": the file is damaged; " + SplitParser.REFETCH);
        }
        return List.copyOf(names);
    }
}
