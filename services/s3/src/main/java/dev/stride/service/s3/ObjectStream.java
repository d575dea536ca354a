package dev.stride.service.s3;

import java.io.IOException;
import java.io.InputStream;

/**
 * An object's body as a stream, for readers that go through it once without holding it (the
 * distributed Map's ItemReader over a large CSV or JSON Lines object). Close it when done.
 *
 * @param size        the body's length in bytes
 * @param eTag        the object's ETag, quoted
 * @param contentType its Content-Type
 */
public record ObjectStream(InputStream body, long size, String eTag, String contentType) implements AutoCloseable {
    @Override
    public void close() throws IOException { body.close(); }
}
