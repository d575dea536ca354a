package dev.stride.service.s3.internal;

import java.util.Map;

/**
 * What an upload says about the object besides its body.
 *
 * @param contentHeaders Content-Type and the other stored content headers, lower-case names
 * @param userMetadata   x-amz-meta-* without the prefix
 * @param ifMatch        write only over an object with this ETag (null: any)
 * @param ifNoneMatch    {@code *}: write only when there is no object yet (null: any)
 */
public record ObjectWrite(Map<String, String> contentHeaders, Map<String, String> userMetadata, String ifMatch, String ifNoneMatch) {
    public static ObjectWrite of(Map<String, String> contentHeaders, Map<String, String> userMetadata) {
        return new ObjectWrite(contentHeaders, userMetadata, null, null);
    }

    void check(ObjectMeta existing, String key) {
        if (ifNoneMatch != null && existing != null && Conditions.matches(ifNoneMatch, existing.eTag())) {
            throw S3Errors.preconditionFailed("If-None-Match");
        }
        if (ifMatch != null) {
            if (existing == null) throw S3Errors.noSuchKey(key);
            if (!Conditions.matches(ifMatch, existing.eTag())) throw S3Errors.preconditionFailed("If-Match");
        }
    }
}
