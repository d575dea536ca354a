package dev.stride.service;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A reply whose body is a stream of known length, sent as it is read (an object on disk).
 *
 * @param length the body's length in bytes; for a HEAD reply the length the GET would send
 *               (written as its Content-Length), and the body is then not read
 * @param body   the body, closed by whoever sends it
 */
public record StreamedResponse(int status, String contentType, Map<String, String> headers, long length, InputStream body) {
    public StreamedResponse {
        headers = Map.copyOf(headers);
        if (body == null) body = InputStream.nullInputStream();
    }

    /** A reply whose body is already in memory. */
    public static StreamedResponse of(ServiceResponse r) {
        return new StreamedResponse(r.status(), r.contentType(), r.headers(), r.body().length, new ByteArrayInputStream(r.body()));
    }

    /** The body read whole into a plain reply (tests, pass-through, small bodies). */
    public ServiceResponse buffered() {
        try (InputStream in = body) {
            return new ServiceResponse(status, contentType, headers, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
