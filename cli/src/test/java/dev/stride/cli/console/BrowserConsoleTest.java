package dev.stride.cli.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.cli.ServerProcess;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console in a real browser (headless Chromium, driven over the DevTools protocol with the
 * JDK's WebSocket client): clicking a state shows its details, stepping recolours the graph, and
 * a running execution's page recolours itself from the event stream. Skipped where Chromium is
 * not installed; {@code scripts/console-browser-test.sh} installs it and runs this test.
 */
class BrowserConsoleTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String PREFIX = ConsoleServerTest.PREFIX;
    static Process chromium;
    static Cdp page;

    @BeforeAll
    static void start() throws Exception {
        String binary = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome").stream()
                .filter(p -> Files.isExecutable(Path.of(p))).findFirst().orElse(null);
        assumeTrue(binary != null, "chromium is not installed (scripts/console-browser-test.sh installs it)");
        ConsoleServerTest.start();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path profile = Files.createTempDirectory("chromium-profile");
        chromium = new ProcessBuilder(binary, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--remote-debugging-port=" + port, "--remote-allow-origins=*", "--user-data-dir=" + profile, "about:blank")
                .redirectErrorStream(true).redirectOutput(profile.resolveSibling(profile.getFileName() + ".log").toFile()).start();
        page = Cdp.open(port);
    }

    @AfterAll
    static void stop() throws Exception {
        if (page != null) page.close();
        if (chromium != null) chromium.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        ConsoleServerTest.stop();
    }

    @Test
    void clickingAStateShowsItsInputAndErrorAndSteppingRecoloursTheGraph() throws Exception {
        String arn = ConsoleServerTest.startAndWait("flow", "in-a-browser", "{\"n\": 3, \"items\": [1]}");
        page.open(ConsoleServerTest.server.endpoint() + "/_stride/console/execution?arn=" + enc(arn));
        page.until("document.readyState === 'complete' && document.querySelectorAll('#events tbody tr').length > 0");
        Thread.sleep(300); // the script's first picture
        page.eval("document.querySelector('g.node[data-state=\"Boom\"]').dispatchEvent(new MouseEvent('click', {bubbles: true})); 1");
        String details = page.until("document.getElementById('details').textContent.includes('it broke') && document.getElementById('details').textContent");
        assertThat(details).contains("Boom").contains("Fail").contains("Input");
        page.eval("document.querySelector('g.node[data-state=\"Check\"]').dispatchEvent(new MouseEvent('click', {bubbles: true})); 1");
        assertThat(page.until("document.getElementById('details').textContent.includes('Re-run from') && document.getElementById('details').textContent"))
                .contains("\"n\": 3");
        page.eval("var s = document.getElementById('step'); s.value = 2; s.dispatchEvent(new Event('input')); 1");
        String each = page.until("document.getElementById('step-label').textContent.startsWith('after event 2') "
                + "&& document.querySelector('g.node[data-state=\"Each\"]').getAttribute('class')");
        assertThat(each).contains("st-notreached");
        assertThat(page.eval("document.querySelector('g.node[data-state=\"Check\"]').getAttribute('class')")).contains("st-running");
    }

    @Test
    void aRunningExecutionsPageRecoloursItselfFromTheEventStream() throws Exception {
        JsonNode started = ConsoleServerTest.sfn("StartExecution", JSON.createObjectNode()
                .put("stateMachineArn", PREFIX + "stateMachine:slow").put("name", "watched-in-a-browser"));
        page.open(ConsoleServerTest.server.endpoint() + "/_stride/console/execution?arn=" + enc(started.path("executionArn").asText()));
        String second = page.until("(document.querySelector('g.node[data-state=\"Second\"]').getAttribute('class') || '').includes('st-running')"
                + " && document.querySelector('g.node[data-state=\"Second\"]').getAttribute('class')");
        assertThat(second).contains("st-running");
        assertThat(page.until("document.getElementById('status').textContent.includes('SUCCEEDED') && document.getElementById('status').textContent"))
                .contains("SUCCEEDED");
    }

    static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

    /** The least of the DevTools protocol: navigate and evaluate in one page. */
    static final class Cdp implements WebSocket.Listener, AutoCloseable {
        private final Map<Integer, CompletableFuture<JsonNode>> replies = new ConcurrentHashMap<>();
        private final AtomicInteger ids = new AtomicInteger();
        private final StringBuilder partial = new StringBuilder();
        private WebSocket socket;

        static Cdp open(int port) throws Exception {
            HttpClient http = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (true) {
                try {
                    JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                            HttpResponse.BodyHandlers.ofString()).body());
                    for (JsonNode t : targets) {
                        if (t.path("type").asText().equals("page")) {
                            Cdp cdp = new Cdp();
                            cdp.socket = http.newWebSocketBuilder().buildAsync(URI.create(t.path("webSocketDebuggerUrl").asText()), cdp).get(10, TimeUnit.SECONDS);
                            return cdp;
                        }
                    }
                } catch (IOException notYet) {
                    // chromium is still starting
                }
                if (System.nanoTime() > deadline) throw new AssertionError("chromium's DevTools did not answer");
                Thread.sleep(100);
            }
        }

        JsonNode call(String method, ObjectNode params) throws Exception {
            int id = ids.incrementAndGet();
            CompletableFuture<JsonNode> reply = new CompletableFuture<>();
            replies.put(id, reply);
            ObjectNode msg = JSON.createObjectNode().put("id", id).put("method", method);
            msg.set("params", params);
            socket.sendText(JSON.writeValueAsString(msg), true).get(10, TimeUnit.SECONDS);
            return reply.get(20, TimeUnit.SECONDS);
        }

        void open(String url) throws Exception {
            eval("window.__left = true; 1");
            call("Page.navigate", JSON.createObjectNode().put("url", url));
            until("!window.__left && document.readyState === 'complete' && location.href.includes('execution')");
        }

        String eval(String expression) throws Exception {
            JsonNode r = call("Runtime.evaluate", JSON.createObjectNode().put("expression", expression).put("returnByValue", true));
            if (r.path("result").has("exceptionDetails")) throw new AssertionError(expression + ": " + r.path("result").path("exceptionDetails"));
            return r.path("result").path("result").path("value").asText();
        }

        /** Evaluates until the expression is truthy (not false, empty or undefined) and returns its value. */
        String until(String expression) throws Exception {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            String last = null;
            while (System.nanoTime() < deadline) {
                try {
                    last = eval("(function(){ try { return String(" + expression + "); } catch (e) { return 'false'; } })()");
                    if (!last.isEmpty() && !last.equals("false") && !last.equals("undefined") && !last.equals("null")) return last;
                } catch (AssertionError e) {
                    last = e.getMessage();
                }
                Thread.sleep(100);
            }
            throw new AssertionError("never true: " + expression + " (last: " + last + ")");
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode msg = JSON.readTree(partial.toString());
                    CompletableFuture<JsonNode> reply = msg.has("id") ? replies.remove(msg.get("id").asInt()) : null;
                    if (reply != null) reply.complete(msg);
                } catch (IOException ignored) {
                    // not ours to read
                }
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public void close() {
            socket.abort();
        }
    }
}
