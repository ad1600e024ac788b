package dev.cnnlab.technique;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cnnlab.util.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TechniqueSpecTest {

    @Test
    void optionsKeepOneStableOrderInJson() throws Exception {
        // enough keys that an unordered map is very unlikely to come out sorted by chance (1 in 8!)
        Map<String, Double> given = new LinkedHashMap<>();
        for (String key : List.of("zeta", "beta", "omega", "alpha", "kappa", "delta", "mu", "gamma")) {
            given.put(key, (double) key.length());
        }
        TechniqueSpec spec = new TechniqueSpec("x", given);
        List<String> sorted = List.of("alpha", "beta", "delta", "gamma", "kappa", "mu", "omega", "zeta");
        assertThat(List.copyOf(spec.options().keySet())).isEqualTo(sorted);

        String json = Json.write(spec);
        int previous = -1;
        for (String key : sorted) {
            int at = json.indexOf("\"" + key + "\"");
            assertThat(at).as(json).isGreaterThan(previous);
            previous = at;
        }
        TechniqueSpec read = Json.MAPPER.readValue(json, TechniqueSpec.class);
        assertThat(read).isEqualTo(spec);
        assertThat(Json.write(read)).isEqualTo(json);
    }

    @Test
    void catalogueDefaultsAreListedInNameOrder() {
        Map<String, Double> defaults = TechniqueCatalog.entries().stream()
                .filter(e -> e.name().equals(RandomErasing.NAME))
                .findFirst()
                .orElseThrow()
                .defaults();
        assertThat(List.copyOf(defaults.keySet())).containsExactly("p", "r1", "sh", "sl");
    }
}
