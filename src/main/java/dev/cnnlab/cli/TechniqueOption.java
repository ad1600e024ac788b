package dev.cnnlab.cli;

import dev.cnnlab.CnnlabException;
import dev.cnnlab.technique.TechniqueSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/** Parses {@code --technique NAME[:KEY=VALUE,...]}, e.g. {@code cutmix:alpha=1,prob=0.5}. */
final class TechniqueOption {

    private TechniqueOption() {}

    static TechniqueSpec parse(String text) {
        int colon = text.indexOf(':');
        String name = (colon < 0 ? text : text.substring(0, colon)).trim();
        Map<String, Double> options = new LinkedHashMap<>();
        if (colon >= 0 && colon < text.length() - 1) {
            for (String pair : text.substring(colon + 1).split(",")) {
                String[] kv = pair.split("=", 2);
                if (kv.length != 2 || kv[0].isBlank()) {
                    throw new CnnlabException("--technique " + text
                            + ": options are KEY=VALUE pairs separated by commas," + " e.g. cutmix:alpha=1,prob=0.5");
                }
                try {
                    options.put(kv[0].trim(), Double.parseDouble(kv[1].trim()));
                } catch (NumberFormatException e) {
                    throw new CnnlabException("--technique " + text + ": option " + kv[0].trim()
                            + " needs a number, got '" + kv[1].trim() + "'");
                }
            }
        }
        return new TechniqueSpec(name, options);
    }
}
