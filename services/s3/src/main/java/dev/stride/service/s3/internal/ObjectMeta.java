package dev.stride.service.s3.internal;

import java.util.Map;
import java.util.TreeMap;

/**
 * One object's metadata as it is kept in the store: what GetObject and HeadObject answer besides
 * the body, and the file the body is in.
 *
 * @param file         the body's file name in its bucket's folder (an id, never derived from the key)
 * @param eTag         quoted: {@code "hex md5"}, or {@code "hex-N"} for an object uploaded in N parts
 * @param contentHeaders Content-Type, Content-Encoding, Cache-Control, Content-Disposition,
 *                     Content-Language and Expires as given, by lower-case header name
 * @param userMetadata {@code x-amz-meta-*} without the prefix, names lower case
 * @param checksums    algorithm ({@code CRC32}, ...) to its base64 value ({@code -N} for a
 *                     composite checksum of N parts)
 * @param parts        the number of parts it was uploaded in; 0 for a single PutObject
 */
public record ObjectMeta(String key, String file, long size, String eTag, long lastModified,
                         Map<String, String> contentHeaders, Map<String, String> userMetadata,
                         Map<String, String> checksums, int parts) {
    public ObjectMeta {
        contentHeaders = Map.copyOf(contentHeaders == null ? Map.of() : contentHeaders);
        userMetadata = new TreeMap<>(userMetadata == null ? Map.of() : userMetadata);
        checksums = Map.copyOf(checksums == null ? Map.of() : checksums);
    }

    public String contentType() { return contentHeaders.getOrDefault("content-type", "binary/octet-stream"); }

    /** The same object under another key and file (a copy). */
    ObjectMeta copiedTo(String newKey, String newFile, long now, Map<String, String> headers, Map<String, String> metadata) {
        return new ObjectMeta(newKey, newFile, size, eTag, now, headers, metadata, checksums, parts);
    }
}
