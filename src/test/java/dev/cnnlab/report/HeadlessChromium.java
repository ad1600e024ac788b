package dev.cnnlab.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A minimal Chrome DevTools Protocol client for tests: starts Debian's headless chromium on a
 * free port, talks to it over {@link java.net.http.WebSocket}, records every event, and kills
 * the browser (and its helper processes) on {@link #close()}.
 */
final class HeadlessChromium implements AutoCloseable {

    /** Where Debian installs chromium; {@code CHROMIUM_BIN} overrides it. */
    static final Path BINARY = Path.of(System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium"));

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LISTENING = "DevTools listening on ";

    private final Process process;
    private final Path profile;
    private final List<String> stderr;
    private WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> replies = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final List<Waiter> waiters = new CopyOnWriteArrayList<>();

    private record Waiter(Predicate<JsonNode> match, CompletableFuture<JsonNode> future) {}

    private HeadlessChromium(Process process, Path profile, List<String> stderr) {
        this.process = process;
        this.profile = profile;
        this.stderr = stderr;
    }

    /** Starts chromium with a fresh profile in {@code profile} and connects to its browser endpoint. */
    static HeadlessChromium start(Path profile, Duration timeout) throws Exception {
        Process process = new ProcessBuilder(
                        BINARY.toString(),
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--disable-dev-shm-usage",
                        "--user-data-dir=" + profile,
                        "--remote-debugging-port=0",
                        "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        CompletableFuture<String> endpoint = new CompletableFuture<>();
        List<String> log = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(
                () -> {
                    // keep draining stderr after the endpoint line, or chromium blocks on a full pipe
                    try (BufferedReader in = new BufferedReader(
                            new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                        for (String line; (line = in.readLine()) != null; ) {
                            log.add(line);
                            int at = line.indexOf(LISTENING);
                            if (at >= 0) {
                                endpoint.complete(
                                        line.substring(at + LISTENING.length()).trim());
                            }
                        }
                    } catch (IOException e) {
                        // the process was killed
                    }
                    endpoint.completeExceptionally(
                            new IllegalStateException("chromium exited without a DevTools endpoint"));
                },
                "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        String url;
        try {
            url = endpoint.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            kill(process, process.descendants().toList());
            throw new IllegalStateException(
                    "chromium did not report its DevTools endpoint; stderr:\n" + String.join("\n", log), e);
        }
        HeadlessChromium browser = new HeadlessChromium(process, profile, log);
        try {
            browser.socket = HttpClient.newHttpClient()
                    .newWebSocketBuilder()
                    .connectTimeout(timeout)
                    .buildAsync(URI.create(url), new Listener(browser::dispatch))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            kill(process, process.descendants().toList());
            throw e;
        }
        return browser;
    }

    /** Chromium's stderr so far, for failure messages. */
    String stderr() {
        return String.join("\n", stderr);
    }

    /** Sends a command (to the browser when {@code sessionId} is null) and waits for its result. */
    JsonNode send(String method, ObjectNode params, String sessionId, Duration timeout) throws Exception {
        int id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", params == null ? JSON.createObjectNode() : params);
        if (sessionId != null) {
            message.put("sessionId", sessionId);
        }
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        replies.put(id, reply);
        socket.sendText(JSON.writeValueAsString(message), true).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        JsonNode answer = reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (answer.has("error")) {
            throw new IllegalStateException(method + " failed: " + answer.get("error"));
        }
        return answer.get("result");
    }

    /** A future for the first event (already received or still to come) with this method and session. */
    CompletableFuture<JsonNode> event(String method, String sessionId) {
        Predicate<JsonNode> match = e -> method.equals(e.path("method").asText())
                && (sessionId == null || sessionId.equals(e.path("sessionId").asText()));
        CompletableFuture<JsonNode> future = new CompletableFuture<>();
        waiters.add(new Waiter(match, future));
        events.stream().filter(match).findFirst().ifPresent(future::complete);
        return future;
    }

    /** Every event received so far. */
    List<JsonNode> events() {
        return List.copyOf(events);
    }

    static ObjectNode params() {
        return JSON.createObjectNode();
    }

    private void dispatch(String text) {
        JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (IOException e) {
            return;
        }
        if (message.has("id")) {
            CompletableFuture<JsonNode> reply = replies.remove(message.get("id").asInt());
            if (reply != null) {
                reply.complete(message);
            }
            return;
        }
        events.add(message);
        for (Waiter waiter : waiters) {
            if (waiter.match().test(message)) {
                waiter.future().complete(message);
            }
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            socket.abort();
        }
        kill(process, process.descendants().toList());
        removeSingletonLinks();
    }

    /**
     * Chromium links {@code Singleton*} in the profile to a socket directory of its own under
     * /tmp; remove both so nothing outlives the test (and JUnit need not warn about the links).
     */
    private void removeSingletonLinks() {
        try {
            Path socket = profile.resolve("SingletonSocket");
            if (Files.isSymbolicLink(socket)) {
                Path dir = Files.readSymbolicLink(socket).getParent();
                if (dir != null && dir.getFileName().toString().startsWith("org.chromium.Chromium.")) {
                    dev.cnnlab.util.Files2.deleteTree(dir);
                }
            }
            for (String link : List.of("SingletonSocket", "SingletonLock", "SingletonCookie")) {
                Files.deleteIfExists(profile.resolve(link));
            }
        } catch (IOException | RuntimeException e) {
            // best effort: leftovers in /tmp do not make the test wrong
        }
    }

    /** Ends chromium, then any helper process it started that outlived it. */
    private static void kill(Process process, List<ProcessHandle> helpers) {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        for (ProcessHandle helper : helpers) {
            if (helper.isAlive()) {
                helper.destroyForcibly();
                helper.onExit()
                        .orTimeout(5, TimeUnit.SECONDS)
                        .exceptionally(x -> null)
                        .join();
            }
        }
    }

    /** Whether chromium is installed where the test expects it. */
    static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /** Reassembles fragmented text frames into whole CDP messages. */
    private static final class Listener implements WebSocket.Listener {
        private final java.util.function.Consumer<String> sink;
        private final StringBuilder partial = new StringBuilder();

        Listener(java.util.function.Consumer<String> sink) {
            this.sink = sink;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String message = partial.toString();
                partial.setLength(0);
                sink.accept(message);
            }
            webSocket.request(1);
            return null;
        }
    }
}
