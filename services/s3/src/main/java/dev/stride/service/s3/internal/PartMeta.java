package dev.stride.service.s3.internal;

import java.util.Map;

/**
 * One uploaded part of a multipart upload.
 *
 * @param file      its file name in the upload's folder
 * @param eTag      quoted MD5 hex of the part
 * @param checksums algorithm to base64 value, as for an object
 */
public record PartMeta(String uploadId, int partNumber, String file, long size, String eTag, long lastModified,
                       Map<String, String> checksums) {
    public PartMeta {
        checksums = Map.copyOf(checksums == null ? Map.of() : checksums);
    }
}
