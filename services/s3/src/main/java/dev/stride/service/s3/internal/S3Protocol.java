package dev.stride.service.s3.internal;

import dev.stride.service.StreamedResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * S3's REST protocol: which operation a request is, from its method, whether it names a bucket
 * and a key, and its sub-resource query parameters ({@code ?uploads}, {@code ?tagging}, ...). Sub-
 * resources this server lacks are NotImplemented rather than silently treated as a plain GET or
 * PUT of the bucket or object.
 */
public final class S3Protocol {
    private static final Set<String> UNSUPPORTED = Set.of("acl", "policy", "cors", "lifecycle", "website", "encryption", "logging",
            "notification", "replication", "object-lock", "retention", "legal-hold", "versions", "accelerate", "analytics",
            "inventory", "metrics", "ownershipControls", "publicAccessBlock", "requestPayment", "intelligent-tiering", "restore",
            "select", "torrent", "attributes", "policyStatus");
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final long MAX_EXPIRES = 604_800;
    private final BucketHandlers buckets;
    private final ObjectHandlers objects;
    private final ListHandlers lists;
    private final MultipartHandlers multipart;
    private final S3Core core;

    public S3Protocol(S3Core core) {
        this.core = core;
        this.buckets = new BucketHandlers(core.buckets());
        this.objects = new ObjectHandlers(core.objects());
        this.lists = new ListHandlers(core.objects());
        this.multipart = new MultipartHandlers(core.multipart());
    }

    /** Serves one request; every S3 error becomes its XML error document. */
    public StreamedResponse serve(S3Request r, String requestId) {
        try {
            checkExpiry(r);
            StreamedResponse reply = route(r);
            return withRequestId(reply, requestId);
        } catch (S3Error e) {
            return Replies.error(e, r.resource(), requestId, "HEAD".equals(r.method()));
        }
    }

    private StreamedResponse route(S3Request r) {
        for (String sub : UNSUPPORTED) {
            if (r.has(sub)) throw S3Errors.notImplemented("?" + sub);
        }
        if (r.bucket() == null) {
            if (r.method().equals("GET")) return buckets.list(r);
            throw S3Errors.methodNotAllowed(r.method());
        }
        return r.key() == null ? bucketLevel(r) : objectLevel(r);
    }

    private StreamedResponse bucketLevel(S3Request r) {
        return switch (r.method()) {
            case "PUT" -> r.has("tagging") ? buckets.putTags(r) : r.has("versioning") ? notImplemented("?versioning") : buckets.create(r);
            case "HEAD" -> buckets.head(r);
            case "DELETE" -> r.has("tagging") ? buckets.deleteTags(r) : buckets.delete(r);
            case "POST" -> r.has("delete") ? objects.deleteMany(r) : notImplemented("POST object (browser form upload)");
            case "GET" -> {
                if (r.has("location")) yield buckets.location(r);
                if (r.has("tagging")) yield buckets.getTags(r);
                if (r.has("versioning")) yield buckets.versioning(r);
                if (r.has("uploads")) yield multipart.listUploads(r);
                yield "2".equals(r.param("list-type")) ? lists.v2(r) : lists.v1(r);
            }
            default -> throw S3Errors.methodNotAllowed(r.method());
        };
    }

    private StreamedResponse objectLevel(S3Request r) {
        if (r.has("tagging")) throw S3Errors.notImplemented("object tagging");
        return switch (r.method()) {
            case "PUT" -> {
                if (r.has("uploadId")) yield multipart.uploadPart(r);
                yield r.header("x-amz-copy-source") != null ? objects.copy(r) : objects.put(r);
            }
            case "GET" -> r.has("uploadId") ? multipart.listParts(r) : objects.get(r, false);
            case "HEAD" -> objects.get(r, true);
            case "DELETE" -> r.has("uploadId") ? multipart.abort(r) : objects.delete(r);
            case "POST" -> {
                if (r.has("uploads")) yield multipart.create(r);
                if (r.has("uploadId")) yield multipart.complete(r);
                throw S3Errors.methodNotAllowed("POST");
            }
            default -> throw S3Errors.methodNotAllowed(r.method());
        };
    }

    private static StreamedResponse notImplemented(String what) { throw S3Errors.notImplemented(what); }

    /**
     * A presigned URL ({@code X-Amz-Date} + {@code X-Amz-Expires}) stops working when it expires,
     * whether or not the server checks signatures; the signature itself is checked at the endpoint.
     */
    private void checkExpiry(S3Request r) {
        String expires = r.param("X-Amz-Expires"), date = r.param("X-Amz-Date");
        if (expires == null || date == null || r.param("X-Amz-Signature") == null) return;
        long seconds;
        Instant signed;
        try {
            seconds = Long.parseLong(expires.strip());
            signed = Instant.from(AMZ_DATE.parse(date.strip()));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw S3Errors.of("AuthorizationQueryParametersError", 400, "X-Amz-Expires should be a number and X-Amz-Date in ISO 8601 basic format");
        }
        if (seconds > MAX_EXPIRES) {
            throw S3Errors.of("AuthorizationQueryParametersError", 400,
                    "X-Amz-Expires must be less than a week (in seconds) that is; 604800");
        }
        Instant now = Instant.ofEpochMilli(core.clock().getAsLong());
        if (now.isAfter(signed.plusSeconds(seconds))) {
            throw S3Errors.expired(signed.plusSeconds(seconds).toString(), now.toString());
        }
    }

    private static StreamedResponse withRequestId(StreamedResponse r, String requestId) {
        Map<String, String> h = new LinkedHashMap<>(r.headers());
        h.put("x-amz-request-id", requestId);
        h.put("x-amz-id-2", requestId);
        return new StreamedResponse(r.status(), r.contentType(), h, r.length(), r.body());
    }
}
