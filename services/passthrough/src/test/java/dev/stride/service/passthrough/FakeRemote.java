package dev.stride.service.passthrough;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A stand-in for an AWS endpoint on loopback: records every request and answers with the reply it is given. */
final class FakeRemote implements AutoCloseable {
    record Recorded(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            List<String> v = headers.get(name.toLowerCase());
            return v == null ? null : v.get(0);
        }

        String text() { return new String(body, StandardCharsets.UTF_8); }
    }

    record Reply(int status, Map<String, String> headers, String body) {}

    private final HttpServer server;
    final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private volatile Reply reply = new Reply(200, Map.of("Content-Type", "application/x-amz-json-1.0"), "{}");

    FakeRemote() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            Map<String, List<String>> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), List.copyOf(v)));
            byte[] body = exchange.getRequestBody().readAllBytes();
            requests.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), headers, body));
            Reply r = reply;
            r.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] out = r.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(r.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.start();
    }

    URI endpoint() { return URI.create("http://127.0.0.1:" + server.getAddress().getPort()); }

    void answer(int status, String contentType, String body, Map<String, String> extra) {
        Map<String, String> headers = new TreeMap<>(extra);
        headers.put("Content-Type", contentType);
        reply = new Reply(status, headers, body);
    }

    Recorded last() { return requests.get(requests.size() - 1); }

    @Override
    public void close() { server.stop(0); }
}
