package dev.stride.service.s3.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.service.ServiceCall;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * S3 actions called in-process (Task states' {@code arn:aws:states:::aws-sdk:s3:*}), with the
 * parameters and results in the SDK v2 model's PascalCase members: {@code Bucket}, {@code Key},
 * {@code Body}, {@code ContentType}, {@code Metadata}, ... As Step Functions does, a Body given
 * as JSON is stored as its JSON text and GetObject returns the body as text.
 */
public final class SdkCalls {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Map<String, String> CONTENT = Map.of("ContentType", "content-type", "ContentEncoding", "content-encoding",
            "CacheControl", "cache-control", "ContentDisposition", "content-disposition", "ContentLanguage", "content-language",
            "Expires", "expires");
    private final S3Core core;

    public SdkCalls(S3Core core) { this.core = core; }

    public JsonNode run(ServiceCall call) {
        ObjectNode p = call.params();
        return switch (call.action()) {
            case "CreateBucket" -> createBucket(p);
            case "DeleteBucket" -> { core.buckets().delete(bucket(p)); yield NODES.objectNode(); }
            case "HeadBucket" -> NODES.objectNode().put("BucketRegion", core.buckets().get(bucket(p)).region()).put("AccessPointAlias", false);
            case "ListBuckets" -> listBuckets();
            case "GetBucketLocation" -> {
                String region = core.buckets().get(bucket(p)).region();
                yield NODES.objectNode().put("LocationConstraint", region.equals(Buckets.DEFAULT_REGION) ? null : region);
            }
            case "PutObject" -> putObject(p);
            case "GetObject" -> getObject(p, true);
            case "HeadObject" -> getObject(p, false);
            case "DeleteObject" -> { core.objects().delete(bucket(p), key(p)); yield NODES.objectNode(); }
            case "DeleteObjects" -> deleteObjects(p);
            case "CopyObject" -> copyObject(p);
            case "ListObjectsV2" -> listObjectsV2(p);
            default -> throw S3Errors.notImplemented("the action " + call.action() + " in a Task state");
        };
    }

    private JsonNode createBucket(ObjectNode p) {
        String location = p.path("CreateBucketConfiguration").path("LocationConstraint").asText(null);
        core.buckets().create(bucket(p), location);
        return NODES.objectNode().put("Location", "/" + bucket(p));
    }

    private JsonNode listBuckets() {
        ObjectNode out = NODES.objectNode();
        ArrayNode list = out.putArray("Buckets");
        core.buckets().list().forEach(b -> list.addObject().put("Name", b.name()).put("CreationDate", instant(b.created()))
                .put("BucketRegion", b.region()));
        out.putObject("Owner").put("DisplayName", Owner.NAME).put("ID", Owner.ID);
        return out;
    }

    private JsonNode putObject(ObjectNode p) {
        JsonNode body = p.path("Body");
        String text = body.isMissingNode() || body.isNull() ? "" : body.isTextual() ? body.asText() : body.toString();
        ObjectMeta o = core.objects().put(bucket(p), key(p), new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                h -> null, write(p, new ObjectWrite(Map.of(), Map.of(), p.path("IfMatch").asText(null), p.path("IfNoneMatch").asText(null))));
        ObjectNode out = NODES.objectNode().put("ETag", o.eTag());
        return out;
    }

    private JsonNode getObject(ObjectNode p, boolean withBody) {
        String bucket = bucket(p);
        ObjectMeta o = core.objects().head(bucket, key(p));
        Conditions c = new Conditions(p.path("IfMatch").asText(null), p.path("IfNoneMatch").asText(null),
                p.path("IfModifiedSince").asText(null), p.path("IfUnmodifiedSince").asText(null));
        if (c.notModified(o)) throw S3Errors.of("NotModified", 304, "Not Modified");
        ByteRange range = ByteRange.parse(p.path("Range").asText(null), o.size());
        ObjectNode out = NODES.objectNode();
        if (withBody) {
            try (InputStream in = core.objects().open(bucket, o, range)) {
                out.put("Body", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        out.put("AcceptRanges", "bytes").put("LastModified", instant(o.lastModified()))
                .put("ContentLength", range == null ? o.size() : range.length()).put("ETag", o.eTag()).put("ContentType", o.contentType());
        if (range != null) out.put("ContentRange", range.contentRange(o.size()));
        CONTENT.forEach((member, header) -> {
            String v = o.contentHeaders().get(header);
            if (v != null && !member.equals("ContentType")) out.put(member, v);
        });
        ObjectNode meta = out.putObject("Metadata");
        o.userMetadata().forEach(meta::put);
        return out;
    }

    private JsonNode deleteObjects(ObjectNode p) {
        String bucket = bucket(p);
        ObjectNode out = NODES.objectNode();
        ArrayNode deleted = out.putArray("Deleted");
        for (JsonNode o : p.path("Delete").path("Objects")) {
            String key = o.path("Key").asText();
            core.objects().delete(bucket, key);
            if (!p.path("Delete").path("Quiet").asBoolean(false)) deleted.addObject().put("Key", key);
        }
        return out;
    }

    private JsonNode copyObject(ObjectNode p) {
        String[] src = ObjectHandlers.copySource(p.path("CopySource").asText(""));
        boolean replace = "REPLACE".equalsIgnoreCase(p.path("MetadataDirective").asText("COPY"));
        Conditions c = new Conditions(p.path("CopySourceIfMatch").asText(null), p.path("CopySourceIfNoneMatch").asText(null),
                p.path("CopySourceIfModifiedSince").asText(null), p.path("CopySourceIfUnmodifiedSince").asText(null));
        ObjectMeta o = core.objects().copy(src[0], src[1], c, bucket(p), key(p), replace ? write(p, ObjectWrite.of(Map.of(), Map.of())) : null);
        ObjectNode out = NODES.objectNode();
        out.putObject("CopyObjectResult").put("ETag", o.eTag()).put("LastModified", instant(o.lastModified()));
        return out;
    }

    private JsonNode listObjectsV2(ObjectNode p) {
        String token = p.path("ContinuationToken").asText(null);
        String startAfter = p.path("StartAfter").asText(null);
        String after = token != null ? new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8) : startAfter;
        int max = Math.min(p.path("MaxKeys").asInt(1000), 1000);
        String prefix = p.path("Prefix").asText(null), delimiter = p.path("Delimiter").asText(null);
        ListPage page = core.objects().list(bucket(p), prefix, delimiter, after, max);
        ObjectNode out = NODES.objectNode().put("IsTruncated", page.truncated()).put("Name", bucket(p)).put("Prefix", prefix == null ? "" : prefix);
        ArrayNode contents = out.putArray("Contents");
        page.objects().forEach(o -> contents.addObject().put("Key", o.key()).put("LastModified", instant(o.lastModified()))
                .put("ETag", o.eTag()).put("Size", o.size()).put("StorageClass", "STANDARD"));
        ArrayNode prefixes = out.putArray("CommonPrefixes");
        page.commonPrefixes().forEach(cp -> prefixes.addObject().put("Prefix", cp));
        if (delimiter != null) out.put("Delimiter", delimiter);
        out.put("MaxKeys", max).put("KeyCount", page.keyCount());
        if (token != null) out.put("ContinuationToken", token);
        if (startAfter != null) out.put("StartAfter", startAfter);
        if (page.truncated()) {
            out.put("NextContinuationToken", Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(page.last().getBytes(StandardCharsets.UTF_8)));
        }
        return out;
    }

    /** The content headers and metadata members of a PutObject or CopyObject, over the given conditions. */
    private static ObjectWrite write(ObjectNode p, ObjectWrite conditions) {
        Map<String, String> content = new LinkedHashMap<>();
        CONTENT.forEach((member, header) -> {
            if (p.hasNonNull(member)) content.put(header, p.get(member).asText());
        });
        Map<String, String> meta = new LinkedHashMap<>();
        p.path("Metadata").properties().forEach(e -> meta.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue().asText()));
        return new ObjectWrite(content, meta, conditions.ifMatch(), conditions.ifNoneMatch());
    }

    private static String bucket(ObjectNode p) {
        String b = p.path("Bucket").asText(null);
        if (b == null || b.isEmpty()) throw S3Errors.invalidArgument("Bucket is required", "Bucket", null);
        return b;
    }

    private static String key(ObjectNode p) {
        String k = p.path("Key").asText(null);
        if (k == null || k.isEmpty()) throw S3Errors.invalidArgument("Key is required", "Key", null);
        return k;
    }

    private static String instant(long millis) { return Instant.ofEpochMilli(millis).toString(); }
}
