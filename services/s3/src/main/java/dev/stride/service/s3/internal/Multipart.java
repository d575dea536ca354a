package dev.stride.service.s3.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Multipart uploads, as {@code aws s3 cp} and the SDKs' transfer managers upload large files:
 * create, upload parts (or copy them from an object), list, complete, abort. Parts are files in
 * the upload's folder; completing concatenates them into one body file, then commits the object
 * and forgets the upload in one store write, so a crash leaves either the upload or the object.
 *
 * <p>The object's ETag is the MD5 of the parts' binary MD5s followed by {@code -N}, as S3's; its
 * checksum, when every part had one of the upload's algorithm, the composite one: that
 * algorithm over the parts' checksums, followed by {@code -N}.
 */
public final class Multipart {
    /** Every part but the last must be at least 5 MiB (EntityTooSmall). */
    static final long MIN_PART_SIZE = 5L * 1024 * 1024;
    private static final int MAX_PART_NUMBER = 10_000;
    private final Catalog catalog;
    private final Volume volume;
    private final BucketObjects objects;
    private final LongSupplier clock;
    private final Ingest ingest;

    Multipart(Catalog catalog, Volume volume, BucketObjects objects, LongSupplier clock) {
        this.catalog = catalog;
        this.volume = volume;
        this.objects = objects;
        this.clock = clock;
        this.ingest = new Ingest(volume);
    }

    /** One part named in CompleteMultipartUpload. */
    public record Named(int partNumber, String eTag) {}

    public UploadMeta create(String bucket, String key, ObjectWrite write, String checksumAlgorithm) {
        BucketObjects.checkKey(key);
        catalog.existing(bucket);
        ChecksumAlgorithm a = ChecksumAlgorithm.of(checksumAlgorithm);
        UploadMeta u = new UploadMeta(Volume.newId(), bucket, key, clock.getAsLong(), write.contentHeaders(), write.userMetadata(),
                a == null ? null : a.name());
        catalog.createUpload(u);
        return u;
    }

    public PartMeta uploadPart(String bucket, String key, String uploadId, int partNumber, InputStream body, Function<String, String> headers) {
        Catalog.Upload u = upload(bucket, key, uploadId);
        checkPartNumber(partNumber);
        Received r;
        try {
            r = ingest.receive(body, headers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return adoptPart(u, partNumber, r.temp(), r.size(), r.eTag(), r.checksums());
    }

    /** UploadPartCopy: the part is (a range of) an existing object. */
    public PartMeta copyPart(String bucket, String key, String uploadId, int partNumber, String fromBucket, String fromKey,
                             Conditions sourceConditions, String range) {
        Catalog.Upload u = upload(bucket, key, uploadId);
        checkPartNumber(partNumber);
        ObjectMeta src = objects.head(fromBucket, fromKey);
        sourceConditions.checkForWrite(src, "x-amz-copy-source-");
        ByteRange r = ByteRange.parse(range, src.size());
        try (InputStream in = objects.open(fromBucket, src, r)) {
            Received got = ingest.receive(in, h -> null);
            return adoptPart(u, partNumber, got.temp(), got.size(), got.eTag(), got.checksums());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PartMeta adoptPart(Catalog.Upload u, int number, Path temp, long size, String eTag, Map<String, String> checksums) {
        String id = u.meta().uploadId();
        String file;
        try {
            file = volume.adoptPart(temp, id);
        } catch (IOException e) {
            Volume.deleteQuietly(temp);
            throw new UncheckedIOException(e);
        }
        PartMeta p = new PartMeta(id, number, file, size, eTag, clock.getAsLong(), checksums);
        PartMeta old;
        try {
            old = catalog.putPart(u, p);
        } catch (RuntimeException e) {
            Volume.deleteQuietly(volume.part(id, file));
            throw e;
        }
        if (old != null) Volume.deleteQuietly(volume.part(id, old.file()));
        return p;
    }

    public List<PartMeta> parts(String bucket, String key, String uploadId) {
        return new ArrayList<>(upload(bucket, key, uploadId).parts().values());
    }

    public UploadMeta get(String bucket, String key, String uploadId) { return upload(bucket, key, uploadId).meta(); }

    /** Uploads in progress in a bucket, by key then initiation. */
    public List<UploadMeta> list(String bucket, String prefix) {
        catalog.existing(bucket);
        String p = prefix == null ? "" : prefix;
        return catalog.uploads().stream().map(Catalog.Upload::meta)
                .filter(u -> u.bucket().equals(bucket) && u.key().startsWith(p))
                .sorted(Comparator.comparing(UploadMeta::key).thenComparingLong(UploadMeta::initiated)).toList();
    }

    public void abort(String bucket, String key, String uploadId) {
        Catalog.Upload u = upload(bucket, key, uploadId);
        catalog.endUpload(u, () -> catalog.commit(catalog.uploadDeletes(u)));
        volume.deleteUpload(uploadId);
    }

    /** Assembles the named parts, in order, into the object. */
    public ObjectMeta complete(String bucket, String key, String uploadId, List<Named> named, ObjectWrite conditions) {
        Catalog.Upload u = upload(bucket, key, uploadId);
        if (named.isEmpty()) throw S3Errors.malformedXml();
        List<PartMeta> chosen = choose(u, named);
        Path temp = null;
        try {
            temp = volume.incoming();
            try (OutputStream out = Files.newOutputStream(temp)) {
                for (PartMeta p : chosen) Files.copy(volume.part(uploadId, p.file()), out);
            }
        } catch (IOException e) {
            if (temp != null) Volume.deleteQuietly(temp);
            throw new UncheckedIOException(e);
        }
        Path body = temp;
        long size = chosen.stream().mapToLong(PartMeta::size).sum();
        ObjectWrite write = new ObjectWrite(u.meta().contentHeaders(), u.meta().userMetadata(), conditions.ifMatch(), conditions.ifNoneMatch());
        ObjectMeta[] done = new ObjectMeta[1];
        catalog.endUpload(u, () -> done[0] = objects.store(bucket, key, body, size, eTag(chosen), composite(u.meta(), chosen),
                chosen.size(), write, catalog.uploadDeletes(u)));
        volume.deleteUpload(uploadId);
        return done[0];
    }

    private static List<PartMeta> choose(Catalog.Upload u, List<Named> named) {
        List<PartMeta> chosen = new ArrayList<>();
        int previous = 0;
        for (Named n : named) {
            if (n.partNumber() <= previous) throw S3Errors.invalidPartOrder();
            previous = n.partNumber();
            PartMeta p = u.parts().get(n.partNumber());
            if (p == null || (n.eTag() != null && !Conditions.matches(n.eTag(), p.eTag()))) throw S3Errors.invalidPart();
            chosen.add(p);
        }
        for (int i = 0; i < chosen.size() - 1; i++) {
            if (chosen.get(i).size() < MIN_PART_SIZE) throw S3Errors.entityTooSmall(chosen.get(i).size());
        }
        return chosen;
    }

    private static String eTag(List<PartMeta> parts) {
        ChecksumAlgorithm.Digest md5 = ChecksumAlgorithm.md5();
        for (PartMeta p : parts) {
            String hex = p.eTag().replace("\"", "");
            byte[] b = HexFormat.of().parseHex(hex);
            md5.update(b, 0, b.length);
        }
        return "\"" + HexFormat.of().formatHex(md5.finish()) + "-" + parts.size() + "\"";
    }

    private static Map<String, String> composite(UploadMeta u, List<PartMeta> parts) {
        ChecksumAlgorithm a = ChecksumAlgorithm.of(u.checksumAlgorithm());
        if (a == null || parts.stream().anyMatch(p -> !p.checksums().containsKey(a.name()))) return Map.of();
        ChecksumAlgorithm.Digest d = a.start();
        for (PartMeta p : parts) {
            byte[] b = Base64.getDecoder().decode(p.checksums().get(a.name()));
            d.update(b, 0, b.length);
        }
        return Map.of(a.name(), Base64.getEncoder().encodeToString(d.finish()) + "-" + parts.size());
    }

    private Catalog.Upload upload(String bucket, String key, String uploadId) {
        catalog.existing(bucket);
        Catalog.Upload u = uploadId == null ? null : catalog.upload(uploadId);
        if (u == null || !u.meta().bucket().equals(bucket) || !u.meta().key().equals(key)) throw S3Errors.noSuchUpload(String.valueOf(uploadId));
        return u;
    }

    private static void checkPartNumber(int n) {
        if (n < 1 || n > MAX_PART_NUMBER) {
            throw S3Errors.invalidArgument("Part number must be an integer between 1 and 10000, inclusive", "partNumber", Integer.toString(n));
        }
    }
}
