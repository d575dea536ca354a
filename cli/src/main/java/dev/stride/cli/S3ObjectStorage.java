package dev.stride.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.spi.ObjectStorage;
import dev.stride.expr.Json;
import dev.stride.service.AwsService;
import dev.stride.service.ServiceCall;
import dev.stride.service.ServiceException;
import dev.stride.service.s3.ObjectStream;
import dev.stride.service.s3.S3Service;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The distributed Map's object store over the server's S3, in-process: reads stream from the
 * local S3's files ({@link S3Service#open}); a passed-through S3 is reached with its SDK calls.
 */
final class S3ObjectStorage implements ObjectStorage {
    private final AwsService s3;
    private final String region;
    private final String account;

    S3ObjectStorage(AwsService s3, String region, String account) {
        this.s3 = s3;
        this.region = region;
        this.account = account;
    }

    @Override
    public Body open(String bucket, String key) {
        try {
            if (s3 instanceof S3Service local) {
                ObjectStream o = local.open(bucket, key);
                return new Body(o.body(), o.size());
            }
            JsonNode got = s3.call(call("GetObject", Json.NODES.objectNode().put("Bucket", bucket).put("Key", key)));
            byte[] bytes = got.path("Body").asText("").getBytes(StandardCharsets.UTF_8);
            return new Body(new ByteArrayInputStream(bytes), bytes.length);
        } catch (ServiceException e) {
            throw failure(e);
        }
    }

    @Override
    public Page list(String bucket, String prefix, String token) {
        ObjectNode p = Json.NODES.objectNode().put("Bucket", bucket);
        if (prefix != null) p.put("Prefix", prefix);
        if (token != null) p.put("ContinuationToken", token);
        try {
            JsonNode page = s3.call(call("ListObjectsV2", p));
            List<Listed> out = new ArrayList<>();
            for (JsonNode o : page.path("Contents")) {
                out.add(new Listed(o.path("Key").asText(), o.path("ETag").asText(), millis(o.path("LastModified")),
                        o.path("Size").asLong(), o.path("StorageClass").asText("STANDARD")));
            }
            return new Page(out, page.path("IsTruncated").asBoolean() ? page.path("NextContinuationToken").asText(null) : null);
        } catch (ServiceException e) {
            throw failure(e);
        }
    }

    @Override
    public void put(String bucket, String key, InputStream body) {
        try {
            if (s3 instanceof S3Service local) {
                local.put(bucket, key, body, "application/json");
                return;
            }
            String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
            s3.call(call("PutObject", Json.NODES.objectNode().put("Bucket", bucket).put("Key", key).put("Body", text)));
        } catch (ServiceException e) {
            throw failure(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ServiceCall call(String action, ObjectNode params) { return new ServiceCall(action, params, region, account, null, null); }

    private static long millis(JsonNode v) {
        if (v.isNumber()) return (long) (v.asDouble() * 1000);
        try {
            return Instant.parse(v.asText()).toEpochMilli();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private static Failure failure(ServiceException e) { return new Failure(e.code(), e.status(), e.getMessage()); }
}
