package dev.stride.service.passthrough.internal;

import dev.stride.service.ServiceException;
import dev.stride.service.ServiceRequest;
import dev.stride.service.ServiceResponse;
import dev.stride.service.passthrough.Remote;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * Sends a client's request on to a remote endpoint as it came, signed anew for the remote: the
 * client signed it for Stride, with Stride's credentials and maybe another region, so its own
 * signature headers are dropped and the SDK's SigV4 signer writes the remote's.
 */
public final class RequestForwarder {
    /** The client's signature for Stride, and what the HTTP client must set itself. */
    private static final Set<String> DROPPED = Set.of("host", "authorization", "x-amz-date", "x-amz-security-token",
            "x-amz-content-sha256", "content-length", "connection", "expect", "upgrade", "transfer-encoding",
            "keep-alive", "te", "trailer", "proxy-authorization",
            // the reply's body is handed back without its Content-Encoding, so it must come unencoded
            "accept-encoding");
    /** Long enough for SQS's 20-second long polls. */
    private static final Duration TIMEOUT = Duration.ofSeconds(70);

    private final String signingName;
    private final Remote remote;
    private final URI base;
    private final AwsCredentialsProvider credentials;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public RequestForwarder(String signingName, Remote remote) {
        this.signingName = signingName;
        this.remote = remote;
        this.base = RemoteEndpoint.of(remote, signingName);
        this.credentials = RemoteCredentials.of(remote);
    }

    /**
     * The remote's reply: status, content type, body and its {@code x-amzn-*} / {@code x-amz-*}
     * headers (request ids, query error codes, S3's metadata) and ETag.
     *
     * @throws ServiceException 503 ServiceUnavailable when the remote cannot be reached
     */
    public ServiceResponse forward(ServiceRequest request) {
        SdkHttpRequest signed = sign(request);
        HttpResponse<byte[]> reply;
        try {
            reply = http.send(outgoing(signed, request), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(e);
        }
        return reply(reply);
    }

    private SdkHttpRequest sign(ServiceRequest request) {
        SdkHttpFullRequest.Builder b = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.fromValue(request.method().toUpperCase(Locale.ROOT)))
                .uri(base)
                .encodedPath(path(request.path()));
        query(request.rawQuery()).forEach(b::putRawQueryParameter);
        request.headers().forEach((name, values) -> { if (!DROPPED.contains(name)) b.putHeader(name, values); });
        AwsCredentialsIdentity identity;
        try {
            identity = credentials.resolveCredentials();
        } catch (SdkClientException e) {
            throw new ServiceException("InternalFailure", "InternalFailure", 500, false,
                    "Stride has no credentials for the remote " + signingName + " endpoint " + base + ": " + e.getMessage());
        }
        boolean s3 = signingName.equals("s3");
        return signer.sign(r -> r.identity(identity).request(b.build())
                .payload(ContentStreamProvider.fromByteArray(request.body()))
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, signingName)
                .putProperty(AwsV4HttpSigner.REGION_NAME, remote.region())
                // S3 signs the path as sent; every other service signs it encoded twice
                .putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, !s3)
                .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, !s3))
                .request();
    }

    private HttpRequest outgoing(SdkHttpRequest signed, ServiceRequest request) {
        HttpRequest.BodyPublisher body = request.body().length == 0
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(request.body());
        HttpRequest.Builder out = HttpRequest.newBuilder(signed.getUri()).timeout(TIMEOUT).method(signed.method().name(), body);
        // Host is signed, and the HTTP client writes the same value from the URI
        signed.forEachHeader((name, values) -> {
            if (!name.equalsIgnoreCase("host") && !name.equalsIgnoreCase("content-length")) values.forEach(v -> out.header(name, v));
        });
        return out.build();
    }

    private static ServiceResponse reply(HttpResponse<byte[]> reply) {
        Map<String, String> headers = new LinkedHashMap<>();
        reply.headers().map().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if ((lower.startsWith("x-amz") || lower.equals("etag")) && !values.isEmpty()) headers.put(name, values.get(0));
        });
        String type = reply.headers().firstValue("content-type").orElse("application/octet-stream");
        return new ServiceResponse(reply.statusCode(), type, headers, reply.body());
    }

    private ServiceException unreachable(Exception e) {
        return new ServiceException("ServiceUnavailable", "ServiceUnavailable", 503, false,
                "Stride could not reach the remote " + signingName + " endpoint " + base + ": " + describe(e));
    }

    /** The request's decoded path under the endpoint's own path, encoded again for the wire. */
    private String path(String decoded) {
        String prefix = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
        String path = decoded == null || decoded.isEmpty() ? "/" : decoded;
        return prefix + SdkHttpUtils.urlEncodeIgnoreSlashes(path);
    }

    /** The query's parameters decoded, in order; the signer encodes them canonically. A bare name ({@code ?acl}) has an empty value. */
    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) return out;
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return out;
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
