package dev.stride.engine.spi;

import java.io.InputStream;
import java.util.List;

/**
 * The object store a distributed Map reads its items from (ItemReader) and writes its results
 * to (ResultWriter): S3, reached in-process. The server wires this to its S3 service; without
 * one, such a Map fails with States.ItemReaderFailed / States.ResultWriterFailed.
 *
 * <p>Implementations report S3's errors as {@link Failure} with S3's error code
 * ({@code NoSuchBucket}, {@code NoSuchKey}, ...).
 */
public interface ObjectStorage {
    /** An object's body, to be read once and closed; {@code size} in bytes. */
    record Body(InputStream stream, long size) {}

    /** One object of a listing, as ListObjectsV2 gives it ({@code eTag} quoted). */
    record Listed(String key, String eTag, long lastModifiedMillis, long size, String storageClass) {}

    /** One page of a listing; {@code nextToken} is null on the last. */
    record Page(List<Listed> objects, String nextToken) {}

    Body open(String bucket, String key);

    Page list(String bucket, String prefix, String continuationToken);

    /** Stores the body (read to its end) under the key, replacing what was there. */
    void put(String bucket, String key, InputStream body);

    /** An S3 error: its code and message as S3 gives them. */
    final class Failure extends RuntimeException {
        private final String code;
        private final int status;

        public Failure(String code, int status, String message) {
            super(message, null, false, false);
            this.code = code;
            this.status = status;
        }

        public String code() { return code; }

        public int status() { return status; }
    }

    /** No object store: every call fails as a missing bucket would. */
    ObjectStorage NONE = new ObjectStorage() {
        @Override public Body open(String bucket, String key) { throw none(); }

        @Override public Page list(String bucket, String prefix, String token) { throw none(); }

        @Override public void put(String bucket, String key, InputStream body) { throw none(); }

        private Failure none() { return new Failure("NoSuchBucket", 404, "The specified bucket does not exist"); }
    };
}
