package dev.stride.integrations;

import java.util.List;
import java.util.Map;

/**
 * What an EventBridge connection gives an HTTP Task locally: how to authorise, and headers and
 * query parameters added to every request (the connection's InvocationHttpParameters).
 */
public record Connection(Authorization authorization, Map<String, String> headers, Map<String, String> queryParameters) {
    public Connection {
        if (authorization == null) authorization = new None();
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        queryParameters = queryParameters == null ? Map.of() : Map.copyOf(queryParameters);
    }

    public static Connection of(Authorization authorization) { return new Connection(authorization, null, null); }

    /** How the connection authorises requests. */
    public sealed interface Authorization permits ApiKey, Basic, OAuth, None {}

    /** Sends {@code name: value} as a header. */
    public record ApiKey(String name, String value) implements Authorization {}

    /** Sends {@code Authorization: Basic base64(username:password)}. */
    public record Basic(String username, String password) implements Authorization {}

    /**
     * OAuth client credentials: a token is fetched from {@code tokenUrl} (grant_type=client_credentials,
     * client id and secret as HTTP Basic), cached until it expires, and sent as {@code Authorization: Bearer}.
     */
    public record OAuth(String tokenUrl, String clientId, String clientSecret, List<String> scopes) implements Authorization {
        public OAuth {
            scopes = scopes == null ? List.of() : List.copyOf(scopes);
        }
    }

    /** No authorisation (a connection that only adds parameters). */
    public record None() implements Authorization {}
}
