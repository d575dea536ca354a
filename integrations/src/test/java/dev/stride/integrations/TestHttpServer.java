package dev.stride.integrations;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/** A real HTTP server on an ephemeral port; handlers answer with (status, content type, body). */
final class TestHttpServer implements AutoCloseable {
    record Answer(int status, String contentType, String body) {}

    record Request(String method, String path, String query, String body, com.sun.net.httpserver.Headers headers) {}

    interface Handler {
        Answer handle(Request request) throws Exception;
    }

    final HttpServer server;
    final List<Request> requests = new CopyOnWriteArrayList<>();

    TestHttpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    TestHttpServer on(String path, Handler handler) {
        server.createContext(path, ex -> serve(ex, handler));
        return this;
    }

    String url(String path) { return "http://127.0.0.1:" + server.getAddress().getPort() + path; }

    private void serve(HttpExchange ex, Handler handler) throws IOException {
        try (ex) {
            Request r = new Request(ex.getRequestMethod(), ex.getRequestURI().getPath(), ex.getRequestURI().getRawQuery(),
                    new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), ex.getRequestHeaders());
            requests.add(r);
            Answer a;
            try {
                a = handler.handle(r);
            } catch (Exception e) {
                a = new Answer(500, "text/plain", e.toString());
            }
            byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
            if (a.contentType() != null) ex.getResponseHeaders().add("Content-Type", a.contentType());
            ex.sendResponseHeaders(a.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) ex.getResponseBody().write(body);
        }
    }

    @Override
    public void close() { server.stop(0); }
}
