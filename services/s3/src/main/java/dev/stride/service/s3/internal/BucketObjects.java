package dev.stride.service.s3.internal;

import dev.stride.engine.spi.RecordStore.Write;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The object operations on bodies and their metadata: put, read, delete, copy, list. The HTTP
 * protocol and in-process calls both end here.
 */
public final class BucketObjects {
    private static final int MAX_KEY_BYTES = 1024;
    private final Catalog catalog;
    private final Volume volume;
    private final Ingest ingest;
    private final LongSupplier clock;

    BucketObjects(Catalog catalog, Volume volume, LongSupplier clock) {
        this.catalog = catalog;
        this.volume = volume;
        this.ingest = new Ingest(volume);
        this.clock = clock;
    }

    /**
     * Receives the body and makes it the object under {@code key}, replacing any; visible only
     * once received, checked and committed.
     *
     * @param headers the request's headers by lower-case name (checksums, encodings), or null
     */
    public ObjectMeta put(String bucket, String key, InputStream body, Function<String, String> headers, ObjectWrite write) {
        checkKey(key);
        catalog.existing(bucket);
        Received r;
        try {
            r = ingest.receive(body, headers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return store(bucket, key, r.temp(), r.size(), r.eTag(), r.checksums(), 0, write, List.of());
    }

    /**
     * Adopts a finished body file (a received upload, a copy, assembled parts) as the object,
     * committing {@code alsoWrite} in the same store write.
     */
    ObjectMeta store(String bucket, String key, Path temp, long size, String eTag, Map<String, String> checksums, int parts,
                     ObjectWrite write, List<Write> alsoWrite) {
        String file;
        try {
            write.check(catalog.existing(bucket).objects().get(key), key);
            file = volume.adopt(temp, bucket);
        } catch (IOException e) {
            Volume.deleteQuietly(temp);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            Volume.deleteQuietly(temp);
            throw e;
        }
        ObjectMeta o = new ObjectMeta(key, file, size, eTag, clock.getAsLong(), write.contentHeaders(), write.userMetadata(), checksums, parts);
        ObjectMeta old;
        try {
            old = catalog.putObject(bucket, o, alsoWrite);
        } catch (RuntimeException e) {
            Volume.deleteQuietly(volume.body(bucket, file));
            throw e;
        }
        if (old != null) Volume.deleteQuietly(volume.body(bucket, old.file()));
        return o;
    }

    /** The object's metadata; NoSuchBucket or NoSuchKey when it is not there. */
    public ObjectMeta head(String bucket, String key) {
        ObjectMeta o = catalog.existing(bucket).objects().get(key);
        if (o == null) throw S3Errors.noSuchKey(key);
        return o;
    }

    /** Its body, or the range of it. */
    public InputStream open(String bucket, ObjectMeta o, ByteRange range) {
        try {
            return range == null ? volume.open(bucket, o.file(), 0, o.size()) : volume.open(bucket, o.file(), range.first(), range.length());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A small body as text (in-process GetObject). */
    String text(String bucket, ObjectMeta o) {
        try (InputStream in = open(bucket, o, null)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the object if there is one (S3 answers 204 either way); returns it, or null. */
    public ObjectMeta delete(String bucket, String key) {
        ObjectMeta old = catalog.deleteObject(bucket, key);
        if (old != null) Volume.deleteQuietly(volume.body(bucket, old.file()));
        return old;
    }

    /**
     * Copies an object. With {@code replace} null the copy keeps the source's content headers and
     * metadata (the COPY directive); copying an object onto itself then changes nothing and is
     * refused, as S3 refuses it.
     */
    public ObjectMeta copy(String fromBucket, String fromKey, Conditions sourceConditions, String toBucket, String toKey, ObjectWrite replace) {
        checkKey(toKey);
        ObjectMeta src = head(fromBucket, fromKey);
        sourceConditions.checkForWrite(src, "x-amz-copy-source-");
        catalog.existing(toBucket);
        if (replace == null && fromBucket.equals(toBucket) && fromKey.equals(toKey)) {
            throw S3Errors.invalidRequest("This copy request is illegal because it is trying to copy an object to itself without changing the "
                    + "object's metadata, storage class, website redirect location or encryption attributes.");
        }
        ObjectWrite write = replace != null ? replace : ObjectWrite.of(src.contentHeaders(), src.userMetadata());
        Path temp;
        try {
            temp = volume.incoming();
            Files.copy(volume.body(fromBucket, src.file()), temp, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return store(toBucket, toKey, temp, src.size(), src.eTag(), src.checksums(), src.parts(), write, List.of());
    }

    /**
     * Lists keys after {@code after} (exclusive; null from the start) that begin with
     * {@code prefix}; with a delimiter, keys with it past the prefix roll up into one common
     * prefix each, which counts as one entry toward {@code maxKeys}.
     */
    public ListPage list(String bucket, String prefix, String delimiter, String after, int maxKeys) {
        NavigableMap<String, ObjectMeta> all = catalog.existing(bucket).objects();
        String p = prefix == null ? "" : prefix;
        String d = delimiter == null || delimiter.isEmpty() ? null : delimiter;
        NavigableMap<String, ObjectMeta> from = after != null && after.compareTo(p) >= 0 ? all.tailMap(after, false) : all.tailMap(p, true);
        List<ObjectMeta> objects = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        String last = null;
        for (ObjectMeta o : from.values()) {
            String key = o.key();
            if (!key.startsWith(p)) {
                if (key.compareTo(p) > 0) break;
                continue;
            }
            String rollUp = null;
            if (d != null) {
                int at = key.indexOf(d, p.length());
                if (at >= 0) rollUp = key.substring(0, at + d.length());
            }
            if (rollUp != null && (rollUp.equals(last) || (after != null && rollUp.compareTo(after) <= 0))) continue;
            if (objects.size() + prefixes.size() >= maxKeys) return new ListPage(objects, prefixes, true, last);
            if (rollUp != null) prefixes.add(rollUp);
            else objects.add(o);
            last = rollUp != null ? rollUp : key;
        }
        return new ListPage(objects, prefixes, false, last);
    }

    static void checkKey(String key) {
        if (key == null || key.isEmpty()) throw S3Errors.invalidArgument("Invalid key", "key", key);
        if (key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) throw S3Errors.keyTooLong();
    }
}
