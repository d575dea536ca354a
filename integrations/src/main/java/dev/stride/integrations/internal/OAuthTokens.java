package dev.stride.integrations.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.expr.Json;
import dev.stride.integrations.Connection;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** OAuth client-credentials tokens per connection, cached until shortly before they expire. */
public final class OAuthTokens {
    public static final String AUTH_FAILED = "Events.ConnectionResource.AuthorizationFailed";
    private record Token(String value, long expiresAtMillis) {}

    private final LazyHttpClient client;
    private final Map<Connection.OAuth, Token> cache = new ConcurrentHashMap<>();

    public OAuthTokens(LazyHttpClient client) { this.client = client; }

    public String token(Connection.OAuth oauth) throws InterruptedException {
        Token t = cache.get(oauth);
        if (t != null && System.currentTimeMillis() < t.expiresAtMillis()) return t.value();
        t = fetch(oauth);
        cache.put(oauth, t);
        return t.value();
    }

    private Token fetch(Connection.OAuth oauth) throws InterruptedException {
        String form = "grant_type=client_credentials"
                + (oauth.scopes().isEmpty() ? "" : "&scope=" + java.net.URLEncoder.encode(String.join(" ", oauth.scopes()), StandardCharsets.UTF_8));
        String basic = Base64.getEncoder().encodeToString((oauth.clientId() + ":" + oauth.clientSecret()).getBytes(StandardCharsets.UTF_8));
        HttpRequest req = HttpRequest.newBuilder(URI.create(oauth.tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> resp;
        try {
            resp = client.get().send(req, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ServiceFailure(AUTH_FAILED, "Stride could not reach the OAuth token endpoint " + oauth.tokenUrl() + ": " + e);
        }
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(resp.body());
        } catch (IOException e) {
            body = null;
        }
        if (resp.statusCode() / 100 != 2 || body == null || !body.path("access_token").isTextual()) {
            throw new ServiceFailure(AUTH_FAILED, "The OAuth token endpoint " + oauth.tokenUrl() + " answered HTTP "
                    + resp.statusCode() + " without an access_token: " + resp.body());
        }
        long ttl = body.path("expires_in").asLong(3600);
        return new Token(body.get("access_token").textValue(), System.currentTimeMillis() + Math.max(0, ttl - 30) * 1000);
    }
}
