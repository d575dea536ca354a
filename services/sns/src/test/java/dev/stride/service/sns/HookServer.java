package dev.stride.service.sns;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.stride.service.JsonProtocol;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** An http endpoint subscribed to a topic: records each POST, answers with {@link #status}. */
final class HookServer implements AutoCloseable {
    record Post(Map<String, String> headers, String body) {
        JsonNode json() {
            try {
                return JsonProtocol.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
    }

    final BlockingQueue<Post> posts = new LinkedBlockingQueue<>();
    final AtomicInteger status = new AtomicInteger(200);
    private final HttpServer server;

    HookServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
            int answer = status.get(); // read before the test can see this POST and change the status for the next one
            posts.add(new Post(headers, body));
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        server.start();
    }

    String url() { return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook"; }

    /** The next POST; waits for the delivery thread, failing after five seconds. */
    Post next() throws InterruptedException {
        Post p = posts.poll(5, TimeUnit.SECONDS);
        if (p == null) throw new AssertionError("no POST arrived");
        return p;
    }

    @Override
    public void close() { server.stop(0); }
}
