package dev.stride.service.s3.internal;

import java.util.Map;

/**
 * A bucket as kept in the store.
 *
 * @param region its LocationConstraint ({@code us-east-1} when created without one)
 * @param tags   its tag set; null when it has none (GetBucketTagging then answers NoSuchTagSet)
 */
public record BucketMeta(String name, String region, long created, Map<String, String> tags) {
    public BucketMeta {
        if (tags != null) tags = Map.copyOf(tags);
    }

    BucketMeta withTags(Map<String, String> t) { return new BucketMeta(name, region, created, t); }
}
