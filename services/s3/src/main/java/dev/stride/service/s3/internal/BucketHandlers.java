package dev.stride.service.s3.internal;

import dev.stride.service.StreamedResponse;
import dev.stride.service.Xml;
import java.util.LinkedHashMap;
import java.util.Map;
import org.w3c.dom.Element;

/** The bucket operations over HTTP: CreateBucket, HeadBucket, DeleteBucket, GetBucketLocation, tagging, ListBuckets. */
final class BucketHandlers {
    private final Buckets buckets;

    BucketHandlers(Buckets buckets) { this.buckets = buckets; }

    /** The body, when there is one, is {@code <CreateBucketConfiguration><LocationConstraint>}. */
    StreamedResponse create(S3Request r) {
        byte[] body = r.smallBody();
        String location = null;
        if (body.length > 0) location = RequestXml.text(RequestXml.parse(body), "LocationConstraint");
        buckets.create(r.bucket(), location == null ? null : location.strip());
        return Replies.empty(200, Map.of("Location", "/" + r.bucket()));
    }

    StreamedResponse head(S3Request r) {
        BucketMeta b = buckets.get(r.bucket());
        return Replies.empty(200, Map.of("x-amz-bucket-region", b.region(), "x-amz-access-point-alias", "false"));
    }

    StreamedResponse delete(S3Request r) {
        buckets.delete(r.bucket());
        return Replies.empty(204, Map.of());
    }

    /** us-east-1 is answered as an empty LocationConstraint, as S3 does. */
    StreamedResponse location(S3Request r) {
        BucketMeta b = buckets.get(r.bucket());
        return Replies.textDocument("LocationConstraint", b.region().equals(Buckets.DEFAULT_REGION) ? "" : b.region());
    }

    StreamedResponse list(S3Request r) {
        Xml x = Replies.document("ListAllMyBucketsResult");
        x.open("Owner").text("ID", Owner.ID).text("DisplayName", Owner.NAME).close();
        x.open("Buckets");
        String prefix = r.param("prefix");
        for (BucketMeta b : buckets.list()) {
            if (prefix != null && !b.name().startsWith(prefix)) continue;
            x.open("Bucket").text("Name", b.name()).text("CreationDate", Replies.isoDate(b.created())).text("BucketRegion", b.region()).close();
        }
        x.close();
        if (prefix != null) x.text("Prefix", prefix);
        return Replies.xml(x);
    }

    StreamedResponse getTags(S3Request r) {
        Xml x = Replies.document("Tagging").open("TagSet");
        buckets.tags(r.bucket()).forEach((k, v) -> x.open("Tag").text("Key", k).text("Value", v).close());
        return Replies.xml(x);
    }

    StreamedResponse putTags(S3Request r) {
        buckets.get(r.bucket());
        Element root = RequestXml.parse(r.smallBody());
        Map<String, String> tags = new LinkedHashMap<>();
        for (Element set : RequestXml.children(root, "TagSet")) {
            for (Element tag : RequestXml.children(set, "Tag")) {
                String k = RequestXml.text(tag, "Key"), v = RequestXml.text(tag, "Value");
                if (k == null) throw S3Errors.malformedXml();
                if (tags.put(k, v == null ? "" : v) != null) {
                    throw S3Errors.of("InvalidTag", 400, "Cannot provide multiple Tags with the same key");
                }
            }
        }
        buckets.setTags(r.bucket(), tags);
        return Replies.empty(204, Map.of());
    }

    StreamedResponse deleteTags(S3Request r) {
        buckets.setTags(r.bucket(), null);
        return Replies.empty(204, Map.of());
    }

    /** Versioning is never enabled here: the empty configuration, as S3 answers for a bucket that never had it. */
    StreamedResponse versioning(S3Request r) {
        buckets.get(r.bucket());
        return Replies.xml(Replies.document("VersioningConfiguration"));
    }
}
