package dev.stride.service.s3.internal;

import dev.stride.engine.spi.RecordStore;
import java.util.function.LongSupplier;

/** S3's operations over one folder and one store, recovered at start: buckets, objects, multipart uploads. */
public record S3Core(Buckets buckets, BucketObjects objects, Multipart multipart, Volume volume, LongSupplier clock) {
    /** Reads the store's records back and deletes the files a crash left unnamed. */
    public static S3Core open(Volume volume, RecordStore store, LongSupplier clock) {
        Catalog catalog = new Catalog(store);
        catalog.recover(volume);
        BucketObjects objects = new BucketObjects(catalog, volume, clock);
        return new S3Core(new Buckets(catalog, volume, clock), objects, new Multipart(catalog, volume, objects, clock), volume, clock);
    }
}
