package dev.stride.api;

import com.sun.net.httpserver.Headers;
import dev.stride.service.AwsService;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
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

    private final Map<String, AwsService> byTarget = new HashMap<>();
    private final Map<String, AwsService> byName = new HashMap<>();
    private final Map<String, AwsService> byAction = new HashMap<>();

    ServiceRouter(List<AwsService> services) {
        for (AwsService s : services) {
            s.targetPrefixes().forEach(p -> byTarget.put(p, s));
            byName.put(s.signingName(), s);
            // A query action two services share (none do yet) is decided by the signature's scope.
            s.queryActions().forEach(a -> byAction.merge(a, s, (x, y) -> x));
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
