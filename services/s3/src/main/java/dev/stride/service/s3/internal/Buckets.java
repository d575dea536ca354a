package dev.stride.service.s3.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/** The bucket operations: create, delete, list, location, tags. */
public final class Buckets {
    static final String DEFAULT_REGION = "us-east-1";
    private final Catalog catalog;
    private final Volume volume;
    private final LongSupplier clock;

    Buckets(Catalog catalog, Volume volume, LongSupplier clock) {
        this.catalog = catalog;
        this.volume = volume;
        this.clock = clock;
    }

    /**
     * Creates a bucket in {@code location} (null: us-east-1). Bucket names are global, as in S3:
     * creating one that exists is BucketAlreadyOwnedByYou (there is only one owner here).
     */
    public BucketMeta create(String name, String location) {
        BucketNames.check(name);
        String region = location == null || location.isBlank() ? DEFAULT_REGION : location;
        try {
            volume.createBucket(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        BucketMeta meta = new BucketMeta(name, region, clock.getAsLong(), null);
        catalog.createBucket(meta);
        return meta;
    }

    public void delete(String name) {
        catalog.deleteBucket(name);
        volume.deleteBucket(name);
    }

    public BucketMeta get(String name) { return catalog.existing(name).meta(); }

    public List<BucketMeta> list() {
        return catalog.buckets().stream().map(Catalog.Bucket::meta).sorted(Comparator.comparing(BucketMeta::name)).toList();
    }

    public Map<String, String> tags(String name) {
        BucketMeta b = get(name);
        if (b.tags() == null) throw S3Errors.noSuchTagSet(name);
        return b.tags();
    }

    /** Replaces the tag set; null deletes it. */
    public void setTags(String name, Map<String, String> tags) { catalog.updateBucket(get(name).withTags(tags)); }
}
