package dev.stride.service.s3.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stride.engine.spi.RecordStore;
import dev.stride.engine.spi.RecordStore.Write;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Every bucket, object, upload and part S3 knows, in memory for reads (listing walks a sorted
 * map) and in the store for restarts. A change is committed to the store before it is applied
 * in memory, under the bucket's lock, so the two never disagree in the order of changes to one
 * key; reads take no lock.
 *
 * <p>Tables: {@code s3_buckets} (name), {@code s3_objects} (bucket + {@code /} + key: a bucket
 * name has no {@code /}, so a bucket's objects are one key range), {@code s3_uploads} (upload
 * id), {@code s3_parts} (upload id + {@code /} + zero-padded part number).
 */
final class Catalog {
    static final String BUCKETS = "s3_buckets", OBJECTS = "s3_objects", UPLOADS = "s3_uploads", PARTS = "s3_parts";
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** A bucket and its objects by key. */
    record Bucket(BucketMeta meta, NavigableMap<String, ObjectMeta> objects) {}

    /** An upload in progress and its parts by number. */
    record Upload(UploadMeta meta, NavigableMap<Integer, PartMeta> parts) {}

    private final RecordStore store;
    private final ConcurrentSkipListMap<String, Bucket> buckets = new ConcurrentSkipListMap<>();
    private final ConcurrentHashMap<String, Upload> uploads = new ConcurrentHashMap<>();

    Catalog(RecordStore store) { this.store = store; }

    /** Reads every table back; then deletes the files no record names. */
    void recover(Volume volume) {
        store.scan(BUCKETS, (k, v) -> buckets.put(k, new Bucket(read(v, BucketMeta.class), new ConcurrentSkipListMap<>())));
        Set<String> files = new HashSet<>();
        store.scan(OBJECTS, (k, v) -> {
            Bucket b = buckets.get(k.substring(0, k.indexOf('/')));
            ObjectMeta o = read(v, ObjectMeta.class);
            if (b == null) return;
            b.objects().put(o.key(), o);
            files.add(b.meta().name() + "/" + o.file());
        });
        store.scan(UPLOADS, (k, v) -> uploads.put(k, new Upload(read(v, UploadMeta.class), new ConcurrentSkipListMap<>())));
        Set<String> parts = new HashSet<>();
        store.scan(PARTS, (k, v) -> {
            PartMeta p = read(v, PartMeta.class);
            Upload u = uploads.get(p.uploadId());
            if (u == null) return;
            u.parts().put(p.partNumber(), p);
            parts.add(p.uploadId() + "/" + p.file());
        });
        volume.sweep(files, uploads.keySet(), parts);
    }

    Bucket bucket(String name) { return buckets.get(name); }

    Bucket existing(String name) {
        Bucket b = buckets.get(name);
        if (b == null) throw S3Errors.noSuchBucket(name);
        return b;
    }

    List<Bucket> buckets() { return new ArrayList<>(buckets.values()); }

    Upload upload(String id) { return uploads.get(id); }

    List<Upload> uploads() { return new ArrayList<>(uploads.values()); }

    synchronized void createBucket(BucketMeta meta) {
        if (buckets.containsKey(meta.name())) throw S3Errors.bucketAlreadyOwnedByYou(meta.name());
        store.commit(List.of(Write.put(BUCKETS, meta.name(), write(meta))));
        buckets.put(meta.name(), new Bucket(meta, new ConcurrentSkipListMap<>()));
    }

    synchronized void updateBucket(BucketMeta meta) {
        Bucket b = existing(meta.name());
        synchronized (b) {
            store.commit(List.of(Write.put(BUCKETS, meta.name(), write(meta))));
            buckets.put(meta.name(), new Bucket(meta, b.objects()));
        }
    }

    synchronized void deleteBucket(String name) {
        Bucket b = existing(name);
        synchronized (b) {
            if (!b.objects().isEmpty()) throw S3Errors.bucketNotEmpty(name);
            List<Write> writes = new ArrayList<>(List.of(Write.delete(BUCKETS, name)));
            for (Upload u : uploads.values()) {
                if (u.meta().bucket().equals(name)) writes.addAll(uploadDeletes(u));
            }
            store.commit(writes);
            buckets.remove(name);
            uploads.values().removeIf(u -> u.meta().bucket().equals(name));
        }
    }

    /** Puts the object (replacing any under its key); returns the one it replaced, or null. */
    ObjectMeta putObject(String bucket, ObjectMeta o, List<Write> alsoWrite) {
        Bucket b = existing(bucket);
        synchronized (b) {
            if (buckets.get(bucket) != b) throw S3Errors.noSuchBucket(bucket); // deleted meanwhile
            List<Write> writes = new ArrayList<>(alsoWrite);
            writes.add(Write.put(OBJECTS, objectKey(bucket, o.key()), write(o)));
            store.commit(writes);
            return b.objects().put(o.key(), o);
        }
    }

    /** Deletes the object; returns it, or null when there was none. */
    ObjectMeta deleteObject(String bucket, String key) {
        Bucket b = existing(bucket);
        synchronized (b) {
            if (!b.objects().containsKey(key)) return null;
            store.commit(List.of(Write.delete(OBJECTS, objectKey(bucket, key))));
            return b.objects().remove(key);
        }
    }

    synchronized void createUpload(UploadMeta u) {
        store.commit(List.of(Write.put(UPLOADS, u.uploadId(), write(u))));
        uploads.put(u.uploadId(), new Upload(u, new ConcurrentSkipListMap<>()));
    }

    /** Records a part (replacing one of the same number); returns the one it replaced, or null. */
    PartMeta putPart(Upload u, PartMeta p) {
        synchronized (u) {
            if (uploads.get(u.meta().uploadId()) != u) throw S3Errors.noSuchUpload(u.meta().uploadId());
            store.commit(List.of(Write.put(PARTS, partKey(p.uploadId(), p.partNumber()), write(p))));
            return u.parts().put(p.partNumber(), p);
        }
    }

    /** The writes that forget an upload and its parts, for one commit with whatever ends it. */
    List<Write> uploadDeletes(Upload u) {
        List<Write> writes = new ArrayList<>();
        writes.add(Write.delete(UPLOADS, u.meta().uploadId()));
        u.parts().keySet().forEach(n -> writes.add(Write.delete(PARTS, partKey(u.meta().uploadId(), n))));
        return writes;
    }

    /** Forgets an upload that was completed (with {@code writes} committed alongside) or aborted. */
    void endUpload(Upload u, Runnable commit) {
        synchronized (u) {
            if (uploads.get(u.meta().uploadId()) != u) throw S3Errors.noSuchUpload(u.meta().uploadId());
            commit.run();
            uploads.remove(u.meta().uploadId());
        }
    }

    void commit(List<Write> writes) { store.commit(writes); }

    static String objectKey(String bucket, String key) { return bucket + '/' + key; }

    static String partKey(String uploadId, int part) { return uploadId + '/' + String.format("%05d", part); }

    static String write(Object record) {
        try {
            return JSON.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + record, e);
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt S3 record in the store: " + json, e);
        }
    }
}
