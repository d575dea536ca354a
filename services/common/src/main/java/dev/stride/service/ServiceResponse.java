package dev.stride.service;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** An HTTP reply of a service: status, content type, extra headers, body. */
public record ServiceResponse(int status, String contentType, Map<String, String> headers, byte[] body) {
    public ServiceResponse {
        headers = Map.copyOf(headers);
        if (body == null) body = new byte[0];
    }

    public static ServiceResponse of(int status, String contentType, byte[] body) { return new ServiceResponse(status, contentType, Map.of(), body); }

    public static ServiceResponse text(int status, String contentType, String body) {
        return of(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }
}
