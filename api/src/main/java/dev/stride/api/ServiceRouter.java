package dev.stride.api;

import com.sun.net.httpserver.Headers;
import dev.stride.service.AwsService;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The table at the door: which service a request is for, read from what the client says it
 * speaks, never by trial. In order: the {@code X-Amz-Target} prefix (JSON protocols), the SigV4
 * credential scope's service (header or presigned query), then the query protocol's
 * {@code Action}. A request that names none of them is Step Functions' (the API's own JSON
 * protocol always sends its target; this keeps health checks and old clients working).
 */
final class ServiceRouter {
    /** Step Functions itself: the API's own operations. */
    static final String STATES = "states";
    private static final String STATES_TARGET = "AWSStepFunctions.";
    private static final Pattern SCOPE = Pattern.compile("Credential=([^/,\\s]+)/\\d{8}/([^/,\\s]+)/([^/,\\s]+)/aws4_request");
    private static final Pattern ACTION = Pattern.compile("(?:^|&)Action=([A-Za-z0-9]+)");
    /** S3's signing name: the service of presigned URLs, virtual hosts and unsigned REST requests. */
    private static final String S3 = "s3";
    private static final Pattern VIRTUAL_HOST = Pattern.compile("(?!s3\\.)[a-z0-9][a-z0-9.-]*?(\\.s3(\\.[a-z0-9-]+)?)?\\.localhost(:\\d+)?");

    private final Map<String, AwsService> byTarget = new HashMap<>();
    private final Map<String, AwsService> byName = new HashMap<>();
    private final Map<String, AwsService> byAction = new HashMap<>();
    /** REST path prefixes of services that own them outright (Batch's /v1/), for unsigned REST requests. */
    private final Map<String, AwsService> byPathPrefix = new HashMap<>();

    ServiceRouter(List<AwsService> services) {
        for (AwsService s : services) {
            s.targetPrefixes().forEach(p -> byTarget.put(p, s));
            byName.put(s.signingName(), s);
            // A query action two services share (none do yet) is decided by the signature's scope.
            s.queryActions().forEach(a -> byAction.merge(a, s, (x, y) -> x));
            s.restPathPrefixes().forEach(p -> byPathPrefix.merge(p, s, (x, y) -> x));
        }
    }

    /** Who signed the request and for where: from the SigV4 credential scope, when there is one. */
    record Scope(String accessKeyId, String region, String service) {}

    static Scope scope(Headers headers, String rawQuery) {
        String auth = headers.getFirst("Authorization");
        String credential = auth;
        if (credential == null && rawQuery != null && rawQuery.contains("X-Amz-Credential=")) {
            credential = "Credential=" + URLDecoder.decode(queryValue(rawQuery, "X-Amz-Credential"), StandardCharsets.UTF_8);
        }
        if (credential == null) return null;
        Matcher m = SCOPE.matcher(credential);
        return m.find() ? new Scope(m.group(1), m.group(2), m.group(3)) : null;
    }

    /**
     * The service a request is for, or null for Step Functions.
     *
     * @param formBody the body when it is a form (query protocol), else null
     */
    AwsService route(Headers headers, String rawQuery, Scope scope, String formBody) {
        return route(headers, null, rawQuery, scope, formBody);
    }

    /**
     * As {@link #route(Headers, String, Scope, String)}, and an unsigned request with neither a
     * target nor a query action goes to the service owning its REST path's prefix, if any (Step
     * Functions itself only answers {@code POST /}, so no path it serves is taken).
     */
    AwsService route(Headers headers, String path, String rawQuery, Scope scope, String formBody) {
        AwsService s = routeBySpeech(headers, rawQuery, scope, formBody);
        if (s != null || scope != null || path == null || headers.getFirst("X-Amz-Target") != null) return s;
        for (Map.Entry<String, AwsService> e : byPathPrefix.entrySet()) {
            if (path.startsWith(e.getKey())) return e.getValue();
        }
        return null;
    }

    /**
     * S3's requests, found before their body is read (S3 streams it): signed for scope {@code s3}
     * (header or presigned query); sent to a virtual host ({@code Host: bucket.localhost:8083},
     * {@code bucket.s3.localhost}); or, as the endpoint's fallback, unsigned with nothing that
     * another service or Step Functions would claim: no {@code X-Amz-Target}, no query
     * {@code Action}, not a POSTed form, no REST prefix another service owns, and not {@code POST /}.
     * That is what curl and browsers send for {@code GET /bucket/key}. Null when it is not S3's
     * (or no S3 is served).
     */
    AwsService s3For(Headers headers, String method, String path, String rawQuery, Scope scope) {
        AwsService s3 = byName.get(S3);
        if (s3 == null || headers.getFirst("X-Amz-Target") != null) return null;
        if (scope != null) return S3.equals(scope.service()) ? s3 : null;
        if (virtualHostBucket(headers.getFirst("Host"))) return s3;
        if (rawQuery != null && actionIn(rawQuery) != null) return null;
        if ("POST".equals(method)) {
            // the query protocol POSTs forms; a PUT with curl's default form type is still an upload
            String type = headers.getFirst("Content-Type");
            if (type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) return null;
            if ("/".equals(path)) return null;
        }
        for (String prefix : byPathPrefix.keySet()) {
            if (path.startsWith(prefix)) return null;
        }
        return s3;
    }

    /** {@code <bucket>.localhost}, {@code <bucket>.s3.localhost}, {@code <bucket>.s3.<region>.localhost}, any port. */
    static boolean virtualHostBucket(String host) {
        return host != null && VIRTUAL_HOST.matcher(host.toLowerCase(Locale.ROOT)).matches();
    }

    private AwsService routeBySpeech(Headers headers, String rawQuery, Scope scope, String formBody) {
        String target = headers.getFirst("X-Amz-Target");
        if (target != null) {
            if (target.startsWith(STATES_TARGET)) return null;
            int dot = target.indexOf('.');
            AwsService s = dot < 0 ? null : byTarget.get(target.substring(0, dot + 1));
            if (s != null) return s;
        }
        if (scope != null && !STATES.equals(scope.service())) {
            AwsService s = byName.get(scope.service());
            if (s != null) return s;
        }
        String action = rawQuery == null ? null : actionIn(rawQuery);
        if (action == null && formBody != null) action = actionIn(formBody);
        return action == null ? null : byAction.get(action);
    }

    boolean servesQueryProtocol() { return !byAction.isEmpty(); }

    private static String actionIn(String form) {
        Matcher m = ACTION.matcher(form);
        return m.find() ? m.group(1) : null;
    }

    private static String queryValue(String rawQuery, String name) {
        for (String pair : rawQuery.split("&")) {
            if (pair.startsWith(name + "=")) return pair.substring(name.length() + 1);
        }
        return "";
    }
}
