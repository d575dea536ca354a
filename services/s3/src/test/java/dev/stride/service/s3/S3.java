package dev.stride.service.s3;

import dev.stride.service.ServiceRequest;
import dev.stride.service.ServiceResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds HTTP requests to an S3Service the way a client sends them, path-style on localhost. */
final class S3 {
    private final S3Service service;

    S3(S3Service service) { this.service = service; }

    ServiceResponse send(String method, String pathAndQuery, String body, String... headers) {
        return send(method, pathAndQuery, body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8), headers);
    }

    ServiceResponse send(String method, String pathAndQuery, byte[] body, String... headers) {
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        String query = q < 0 ? null : pathAndQuery.substring(q + 1);
        Map<String, List<String>> h = new LinkedHashMap<>();
        h.put("Host", List.of("localhost:8083"));
        h.put("Content-Length", List.of(Integer.toString(body.length)));
        for (int i = 0; i < headers.length; i += 2) h.put(headers[i], List.of(headers[i + 1]));
        return service.serve(new ServiceRequest(method, path, query, h, body, "us-east-1", "123456789012", "http://localhost:8083"));
    }

    static String text(ServiceResponse r) { return new String(r.body(), StandardCharsets.UTF_8); }
}
