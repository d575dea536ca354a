package dev.stride.service.s3;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.engine.spi.RecordStore;
import dev.stride.service.ServiceCall;
import dev.stride.service.ServiceException;
import dev.stride.service.ServiceRequest;
import dev.stride.service.ServiceResponse;
import dev.stride.service.StreamedResponse;
import dev.stride.service.StreamingService;
import dev.stride.service.s3.internal.ByteRange;
import dev.stride.service.s3.internal.ObjectMeta;
import dev.stride.service.s3.internal.Replies;
import dev.stride.service.s3.internal.S3Core;
import dev.stride.service.s3.internal.S3Error;
import dev.stride.service.s3.internal.S3Errors;
import dev.stride.service.s3.internal.S3Protocol;
import dev.stride.service.s3.internal.S3Request;
import dev.stride.service.s3.internal.SdkCalls;
import dev.stride.service.s3.internal.Volume;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * Amazon S3 on Stride's endpoint: buckets and objects, bodies as files in a folder and their
 * metadata durable in a {@link RecordStore}. Clients speak S3's REST protocol, path-style
 * ({@code http://localhost:8083/bucket/key}) or virtual-hosted ({@code http://bucket.localhost:8083/key});
 * bodies stream in and out ({@link StreamingService}), never whole in memory. Task states call
 * {@link #call} in-process, and {@link #open} streams an object to in-process readers.
 *
 * <pre>{@code
 * S3Service s3 = new S3Service(dataDir.resolve("s3"), store, System::currentTimeMillis);
 * }</pre>
 */
public final class S3Service implements StreamingService, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(S3Service.class.getName());
    private final S3Core core;
    private final S3Protocol protocol;
    private final SdkCalls calls;
    private final boolean temporary;

    /**
     * @param folder      where bodies are kept; with {@link RecordStore#NONE} (nothing survives a
     *                    restart) a fresh temp folder is used instead and deleted on {@link #close}
     * @param clockMillis the time in epoch milliseconds (injected so tests can move it)
     */
    public S3Service(Path folder, RecordStore store, LongSupplier clockMillis) {
        this.temporary = store == RecordStore.NONE;
        Path root;
        try {
            root = temporary ? Files.createTempDirectory("stride-s3-") : folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.core = S3Core.open(new Volume(root), store, clockMillis);
        this.protocol = new S3Protocol(core);
        this.calls = new SdkCalls(core);
    }

    @Override
    public String signingName() { return "s3"; }

    @Override
    public List<String> targetPrefixes() { return List.of(); }

    /** None: S3 speaks REST only (and an empty set lets Task states name any action). */
    @Override
    public Set<String> queryActions() { return Set.of(); }

    @Override
    public StreamedResponse serve(ServiceRequest request, InputStream body) {
        String requestId = requestId();
        S3Request r = S3Request.of(request, body);
        try {
            return protocol.serve(r, requestId);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "S3 " + request.method() + " " + request.path() + " failed unexpectedly", e);
            return Replies.error(S3Errors.internal(), r.resource(), requestId, "HEAD".equals(request.method()));
        }
    }

    @Override
    public ServiceResponse serve(ServiceRequest request) {
        return serve(request, new ByteArrayInputStream(request.body())).buffered();
    }

    /** Signature errors found at the endpoint, in S3's XML with S3's codes. */
    @Override
    public ServiceResponse refuse(ServiceRequest request, ServiceException e) {
        S3Error error = switch (e.code()) {
            case "InvalidClientTokenId" -> S3Errors.of("InvalidAccessKeyId", 403, "The AWS Access Key Id you provided does not exist in our records.");
            case "MissingAuthenticationToken" -> S3Errors.accessDenied("Access Denied");
            case "IncompleteSignature" -> S3Errors.of("AuthorizationHeaderMalformed", 400, e.getMessage());
            default -> S3Errors.of(e.code(), e.status(), e.getMessage());
        };
        return Replies.error(error, S3Request.of(request, InputStream.nullInputStream()).resource(), requestId(),
                "HEAD".equals(request.method())).buffered();
    }

    @Override
    public JsonNode call(ServiceCall call) {
        try {
            return calls.run(call);
        } catch (S3Error e) {
            throw e.asServiceException();
        }
    }

    /**
     * An object's body as a stream, with its size: for in-process readers that must not hold a
     * large object in memory (the distributed Map's ItemReader).
     *
     * @throws ServiceException NoSuchBucket or NoSuchKey
     */
    public ObjectStream open(String bucket, String key) {
        try {
            ObjectMeta o = core.objects().head(bucket, key);
            return new ObjectStream(core.objects().open(bucket, o, null), o.size(), o.eTag(), o.contentType());
        } catch (S3Error e) {
            throw e.asServiceException();
        }
    }

    /** A byte range of an object, inclusive at both ends (a reader resuming part-way). */
    public ObjectStream open(String bucket, String key, long first, long last) {
        try {
            ObjectMeta o = core.objects().head(bucket, key);
            ByteRange range = ByteRange.parse("bytes=" + first + "-" + last, o.size());
            long length = range == null ? o.size() : range.length();
            return new ObjectStream(core.objects().open(bucket, o, range), length, o.eTag(), o.contentType());
        } catch (S3Error e) {
            throw e.asServiceException();
        }
    }

    /**
     * Stores a body read to its end under the key (streamed, never whole in memory): for
     * in-process writers such as the distributed Map's ResultWriter.
     *
     * @return the new object's ETag
     * @throws ServiceException NoSuchBucket
     */
    public String put(String bucket, String key, InputStream body, String contentType) {
        try {
            java.util.Map<String, String> headers = contentType == null ? java.util.Map.of() : java.util.Map.of("content-type", contentType);
            return core.objects().put(bucket, key, body, h -> null,
                    dev.stride.service.s3.internal.ObjectWrite.of(headers, java.util.Map.of())).eTag();
        } catch (S3Error e) {
            throw e.asServiceException();
        }
    }

    /** The folder bodies are kept in. */
    public Path folder() { return core.volume().root(); }

    /** Deletes the temp folder of a server that keeps nothing; a durable one has nothing to flush. */
    @Override
    public void close() {
        if (temporary) core.volume().deleteAll();
    }

    private static String requestId() { return UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase(Locale.ROOT); }
}
