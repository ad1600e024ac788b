package dev.cnnlab.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the fixture's report.html in real headless chromium over the DevTools protocol: no
 * console errors or exceptions, the accuracy table has one row per technique set, and every
 * chart is present with a decoded, non-empty image.
 */
class ReportBrowserTest {

    private static final Duration STEP = Duration.ofSeconds(10);
    /** A cold chromium start on a busy 2-core machine has taken more than 10 s (mid-suite, 2026-12-01). */
    private static final Duration START = Duration.ofSeconds(30);

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void reportOpensCleanlyInChromium(@TempDir Path study, @TempDir Path profile) throws Exception {
        if (!HeadlessChromium.installed()) {
            fail("chromium is not installed at " + HeadlessChromium.BINARY + ": install it with "
                    + "`apt-get install -y chromium` (CI installs it through .ci/run), or set CHROMIUM_BIN");
        }
        StudyFixture.writeMain(study);
        Path html = StudyReport.write(study).html();

        try (HeadlessChromium browser = HeadlessChromium.start(profile, START)) {
            String target = browser.send(
                            "Target.createTarget", HeadlessChromium.params().put("url", "about:blank"), null, STEP)
                    .get("targetId")
                    .asText();
            String session = browser.send(
                            "Target.attachToTarget",
                            HeadlessChromium.params().put("targetId", target).put("flatten", true),
                            null,
                            STEP)
                    .get("sessionId")
                    .asText();
            for (String domain : List.of("Runtime", "Log", "Page")) {
                browser.send(domain + ".enable", null, session, STEP);
            }
            CompletableFuture<JsonNode> loaded = browser.event("Page.loadEventFired", session);
            JsonNode navigation = browser.send(
                    "Page.navigate",
                    HeadlessChromium.params().put("url", html.toUri().toString()),
                    session,
                    STEP);
            assertThat(navigation.has("errorText"))
                    .as("navigation error: %s", navigation)
                    .isFalse();
            loaded.get(STEP.toMillis(), TimeUnit.MILLISECONDS);

            JsonNode page = evaluate(browser, session, """
                    (() => {
                      const imgs = [...document.querySelectorAll('figure.chart img')];
                      const svgs = [...document.querySelectorAll('figure.chart svg')];
                      return {
                        standardsMode: document.compatMode === 'CSS1Compat',
                        charset: document.characterSet,
                        accuracyRows: document.querySelectorAll('table#accuracy tbody tr').length,
                        accuracyColumns: document.querySelectorAll('table#accuracy thead th').length,
                        tables: ['accuracy', 'gains', 'faithfulness', 'curves', 'reference', 'cost', 'provenance']
                            .filter(id => document.querySelector('table#' + id)),
                        charts: document.querySelectorAll('figure.chart').length,
                        paretoDrawn: (() => { const i = document.querySelector('figure#chart-proxy-pareto img');
                            return !!i && i.complete && i.naturalWidth > 0 && i.getBoundingClientRect().height > 0; })(),
                        faithfulnessRows: document.querySelectorAll('table#faithfulness tbody tr').length,
                        drawnImages: imgs.filter(i => i.complete && i.naturalWidth > 0 && i.naturalHeight > 0
                            && i.getBoundingClientRect().width > 0 && i.getBoundingClientRect().height > 0).length,
                        drawnSvgs: svgs.filter(s => s.getBoundingClientRect().width > 0).length,
                        chartsWithoutImage: [...document.querySelectorAll('figure.chart')]
                            .filter(f => !f.querySelector('img, svg')).length,
                        externalResources: performance.getEntriesByType('resource').length,
                        scripts: document.scripts.length
                      };
                    })()""");

            // evaluate's reply comes after every event the page load produced, so this list is complete
            List<String> errors = errors(browser, session);
            assertThat(errors).as("console errors and exceptions").isEmpty();
            assertThat(page.get("standardsMode").asBoolean())
                    .as("<!DOCTYPE html> standards mode")
                    .isTrue();
            assertThat(page.get("charset").asText()).isEqualTo("UTF-8");
            assertThat(page.get("accuracyRows").asInt())
                    .as("one accuracy row per technique set")
                    .isEqualTo(6);
            assertThat(page.get("accuracyColumns").asInt()).isEqualTo(4);
            assertThat(page.get("tables")).hasSize(7);
            assertThat(page.get("charts").asInt())
                    .as("Pareto, gains, scatter, 2 accuracy-curve charts")
                    .isEqualTo(5);
            assertThat(page.get("drawnImages").asInt() + page.get("drawnSvgs").asInt())
                    .isEqualTo(5);
            assertThat(page.get("chartsWithoutImage").asInt()).isZero();
            assertThat(page.get("paretoDrawn").asBoolean())
                    .as("the Pareto chart is drawn")
                    .isTrue();
            assertThat(page.get("faithfulnessRows").asInt())
                    .as("the depth proxy and 6 learning-curve proxies")
                    .isEqualTo(7);
            assertThat(page.get("externalResources").asInt())
                    .as("self-contained: nothing fetched")
                    .isZero();
            assertThat(page.get("scripts").asInt()).isZero();

            // the error collection itself works: a deliberate console.error is seen
            evaluate(browser, session, "console.error('cdp-probe'); true");
            assertThat(errors(browser, session)).anyMatch(e -> e.contains("cdp-probe"));
        }
    }

    /**
     * The SVG charts as a browser reads them: their text is {@code <text>}, the cost chart's log axis
     * has labelled ticks on both sides of every point's cost, and the gain chart names its sets
     * below its plot, left to right in the report's order.
     */
    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void svgChartsKeepTheirTextAndLabelTheirAxes(@TempDir Path study, @TempDir Path table, @TempDir Path profile)
            throws Exception {
        if (!HeadlessChromium.installed()) {
            fail("chromium is not installed at " + HeadlessChromium.BINARY + ": install it with "
                    + "`apt-get install -y chromium`, or set CHROMIUM_BIN");
        }
        StudyFixture.writeMain(study);
        Path html = StudyReport.write(study).html();
        Path files = study.resolve(StudyReport.FILES_DIR);
        // the published table's one proxy costs 0.20: between decades, where XChart's log axis labelled nothing
        Path tableHtml = StudyReport.writeTable(Path.of("studies/published/reference.yaml"), table)
                .html();

        try (HeadlessChromium browser = HeadlessChromium.start(profile, START)) {
            String session = open(browser, null, html);
            // the x of each Pareto point: the cost the faithfulness table gives (compute when every proxy has it)
            JsonNode costs = evaluate(browser, session, """
                    [...document.querySelectorAll('table#faithfulness tbody tr')]
                        .map(r => parseFloat(r.cells[1].textContent))""");
            assertThat(costs).hasSize(7);
            assertLabelledTicksAround(browser, session, files.resolve("proxy-pareto.svg"), costs);
            open(browser, session, tableHtml);
            JsonNode measured = evaluate(browser, session, """
                    [...document.querySelectorAll('table#faithfulness tbody tr')]
                        .map(r => parseFloat(r.cells[2].textContent))""");
            assertThat(measured).hasSize(1);
            assertLabelledTicksAround(
                    browser, session, table.resolve(StudyReport.FILES_DIR).resolve("proxy-pareto.svg"), measured);

            open(browser, session, files.resolve("gains.svg"));
            JsonNode gains = evaluate(browser, session, TEXTS);
            List<String> sets = List.of("se", "se-r8", "mixup", "mixup-a0.2", "se+mixup");
            List<JsonNode> names = new java.util.ArrayList<>();
            gains.forEach(t -> {
                if (sets.contains(t.get("s").asText())) {
                    names.add(t);
                }
            });
            assertThat(names).extracting(t -> t.get("s").asText()).containsExactlyInAnyOrderElementsOf(sets);
            names.sort(java.util.Comparator.comparingDouble(t -> t.get("x").asDouble()));
            assertThat(names)
                    .extracting(t -> t.get("s").asText())
                    .as("left to right")
                    .containsExactlyElementsOf(sets);
            double lowestGainTick = numbers(gains).stream()
                    .mapToDouble(t -> t.get("y").asDouble())
                    .max()
                    .orElseThrow();
            assertThat(names)
                    .as("named on the axis, below every gain tick label, not floating in the plot")
                    .allMatch(t -> t.get("y").asDouble() > lowestGainTick + 5);
        }
    }

    /**
     * The Prediction chart of a size series (the published Shake-Shake widths): drawn in the page
     * with no console errors, its SVG's text is text and names every width and every set, and a
     * screenshot of the page at the chart is kept in target/screenshots/ for a reader to look at.
     */
    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void thePredictionChartIsDrawnWithNoConsoleErrors(@TempDir Path table, @TempDir Path profile) throws Exception {
        if (!HeadlessChromium.installed()) {
            fail("chromium is not installed at " + HeadlessChromium.BINARY + ": install it with "
                    + "`apt-get install -y chromium`, or set CHROMIUM_BIN");
        }
        Path html = StudyReport.writeTable(Path.of("studies/published/autoaugment-shakeshake26-width.yaml"), table)
                .html();
        try (HeadlessChromium browser = HeadlessChromium.start(profile, START)) {
            String session = open(browser, null, html);
            for (String domain : List.of("Runtime", "Log")) {
                browser.send(domain + ".enable", null, session, STEP);
            }
            open(browser, session, html);
            JsonNode page = evaluate(browser, session, """
                    (() => { const i = document.querySelector('figure#chart-prediction-width img');
                      if (i) { i.scrollIntoView(); }
                      return {drawn: !!i && i.complete && i.naturalWidth > 0 && i.getBoundingClientRect().height > 0,
                              table: document.querySelectorAll('table#prediction-width tbody tr').length}; })()""");
            assertThat(errors(browser, session))
                    .as("console errors and exceptions")
                    .isEmpty();
            assertThat(page.get("drawn").asBoolean())
                    .as("the prediction chart is drawn")
                    .isTrue();
            assertThat(page.get("table").asInt())
                    .as("one prediction row per set")
                    .isEqualTo(5);
            JsonNode shot = browser.send(
                    "Page.captureScreenshot", HeadlessChromium.params().put("format", "png"), session, STEP);
            Path screenshots = Files.createDirectories(Path.of("target/screenshots"));
            Files.write(
                    screenshots.resolve("prediction-width.png"),
                    java.util.Base64.getDecoder().decode(shot.get("data").asText()));

            open(browser, session, table.resolve(StudyReport.FILES_DIR).resolve("prediction-width.svg"));
            List<String> texts = new java.util.ArrayList<>();
            evaluate(browser, session, TEXTS).forEach(t -> texts.add(t.get("s").asText()));
            assertThat(texts)
                    .as("every width on the axis and every set in the legend, as text")
                    .contains("SS-26 2x32d", "SS-26 2x96d", "SS-26 2x112d", "cutout", "autoaugment", "dada");
        }
    }

    /** The Pareto chart {@code svg}: its title is text, and labelled log-axis ticks lie on both sides of every cost. */
    private static void assertLabelledTicksAround(HeadlessChromium browser, String session, Path svg, JsonNode costs)
            throws Exception {
        open(browser, session, svg);
        JsonNode pareto = evaluate(browser, session, TEXTS);
        assertThat(pareto).extracting(t -> t.get("s").asText()).contains("Cost against faithfulness of every proxy");
        // the x axis's tick labels: the numbers on the lowest row of numbers
        double axisRow = numbers(pareto).stream()
                .mapToDouble(t -> t.get("y").asDouble())
                .max()
                .orElseThrow();
        List<JsonNode> ticks = numbers(pareto).stream()
                .filter(t -> Math.abs(t.get("y").asDouble() - axisRow) < 2)
                .sorted(java.util.Comparator.comparingDouble(t -> t.get("x").asDouble()))
                .toList();
        List<Double> values =
                ticks.stream().map(t -> Double.parseDouble(t.get("s").asText())).toList();
        assertThat(values).as("log axis ticks, left to right").isSorted().hasSizeGreaterThanOrEqualTo(2);
        for (JsonNode cost : costs) {
            double c = cost.asDouble();
            assertThat(values)
                    .as("a labelled tick at or below %s and one at or above", c)
                    .anyMatch(v -> v <= c)
                    .anyMatch(v -> v >= c);
        }
    }

    /** Every SVG text of the open page: its string and the centre of its box. */
    private static final String TEXTS = """
            [...document.querySelectorAll('text')].map(t => { const r = t.getBoundingClientRect();
                return {s: t.textContent, x: r.x + r.width / 2, y: r.y + r.height / 2}; })""";

    private static List<JsonNode> numbers(JsonNode texts) {
        List<JsonNode> numbers = new java.util.ArrayList<>();
        texts.forEach(t -> {
            if (t.get("s").asText().matches("-?[0-9.]+")) {
                numbers.add(t);
            }
        });
        return numbers;
    }

    /** Opens {@code file} in a new page (session null) or the given one and waits for it to load; the session. */
    private static String open(HeadlessChromium browser, String session, Path file) throws Exception {
        if (session == null) {
            String target = browser.send(
                            "Target.createTarget", HeadlessChromium.params().put("url", "about:blank"), null, STEP)
                    .get("targetId")
                    .asText();
            session = browser.send(
                            "Target.attachToTarget",
                            HeadlessChromium.params().put("targetId", target).put("flatten", true),
                            null,
                            STEP)
                    .get("sessionId")
                    .asText();
            browser.send("Page.enable", null, session, STEP);
        }
        // a fresh waiter per navigation: event() would also match an earlier page's load
        long before = browser.events().stream()
                .filter(e -> "Page.loadEventFired".equals(e.path("method").asText()))
                .count();
        browser.send(
                "Page.navigate",
                HeadlessChromium.params().put("url", file.toUri().toString()),
                session,
                STEP);
        long deadline = System.nanoTime() + STEP.toNanos();
        while (browser.events().stream()
                        .filter(e ->
                                "Page.loadEventFired".equals(e.path("method").asText()))
                        .count()
                <= before) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no load event for " + file);
            }
            Thread.sleep(20);
        }
        return session;
    }

    private static JsonNode evaluate(HeadlessChromium browser, String session, String expression) throws Exception {
        JsonNode result = browser.send(
                "Runtime.evaluate",
                HeadlessChromium.params().put("expression", expression).put("returnByValue", true),
                session,
                STEP);
        if (result.has("exceptionDetails")) {
            throw new AssertionError("evaluation failed: " + result.get("exceptionDetails"));
        }
        return result.get("result").get("value");
    }

    /** Uncaught exceptions, console.error calls and error log entries of the page. */
    private static List<String> errors(HeadlessChromium browser, String session) {
        return browser.events().stream()
                .filter(e -> session.equals(e.path("sessionId").asText()))
                .filter(e -> switch (e.path("method").asText()) {
                    case "Runtime.exceptionThrown" -> true;
                    case "Runtime.consoleAPICalled" ->
                        "error".equals(e.path("params").path("type").asText());
                    case "Log.entryAdded" ->
                        "error"
                                .equals(e.path("params")
                                        .path("entry")
                                        .path("level")
                                        .asText());
                    default -> false;
                })
                .map(JsonNode::toString)
                .toList();
    }
}
