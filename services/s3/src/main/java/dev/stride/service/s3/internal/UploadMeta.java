package dev.stride.service.s3.internal;

import java.util.Map;

/**
 * A multipart upload in progress: what CreateMultipartUpload was told, kept until it is completed
 * or aborted. Its parts are {@link PartMeta} records.
 *
 * @param checksumAlgorithm the algorithm each part's checksum is in ({@code CRC32}, ...), or null
 */
public record UploadMeta(String uploadId, String bucket, String key, long initiated,
                         Map<String, String> contentHeaders, Map<String, String> userMetadata, String checksumAlgorithm) {
    public UploadMeta {
        contentHeaders = Map.copyOf(contentHeaders == null ? Map.of() : contentHeaders);
        userMetadata = Map.copyOf(userMetadata == null ? Map.of() : userMetadata);
    }
}
