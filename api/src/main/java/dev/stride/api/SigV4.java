package dev.stride.api;

import com.sun.net.httpserver.Headers;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies AWS Signature Version 4 on API requests (header form, as every SDK and the aws CLI
 * sign): rebuilds the canonical request from the method, path, query, signed headers and the
 * SHA-256 of the body, derives the signing key from the configured secret, and compares
 * signatures in constant time. Failures are AWS's: UnrecognizedClientException for an unknown
 * access key, InvalidSignatureException for a wrong signature or an expired date.
 */
final class SigV4 {
    private static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "AWS4-HMAC-SHA256\\s+Credential=([^/,\\s]+)/(\\d{8})/([^/,\\s]+)/([^/,\\s]+)/aws4_request\\s*,\\s*"
                    + "SignedHeaders=([^,\\s]+)\\s*,\\s*Signature=([0-9a-fA-F]+)\\s*");
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    /** AWS accepts requests signed up to 15 minutes before or after its own clock. */
    private static final Duration SKEW = Duration.ofMinutes(15);

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");

    private final Map<String, String> secrets;

    private SigV4(Map<String, String> secrets) { this.secrets = Map.copyOf(secrets); }

    /** A verifier for these keys, or null when none are configured (any credentials are accepted). */
    static SigV4 of(Map<String, String> accessKeys) {
        return accessKeys.isEmpty() ? null : new SigV4(accessKeys);
    }

    /** Checks a Step Functions request. */
    void verify(String method, String rawPath, String rawQuery, Headers headers, byte[] body) {
        verify(method, rawPath, rawQuery, headers, body, "states");
    }

    /**
     * Checks a request for the service with this signing name. For the local services the
     * region is the caller's (its credential scope): they keep resources per region.
     */
    void verify(String method, String rawPath, String rawQuery, Headers headers, byte[] body, String expectedService) {
        verifyHeader(method, canonicalPath(rawPath), rawQuery, headers, payloadHash(headers, body), expectedService);
    }

    /**
     * Checks an S3 request, whose body is streamed to the service unread: signed in its
     * Authorization header, the payload hash is what {@code x-amz-content-sha256} declares (a
     * hash, {@code UNSIGNED-PAYLOAD} or {@code STREAMING-...}; S3 checks the body against a
     * declared hash as it receives it), or presigned in its query string ({@link #verifyPresigned}).
     * S3's canonical path encodes each segment once, where other services encode it twice.
     */
    void verifyS3(String method, String rawPath, String rawQuery, Headers headers) {
        if (headers.getFirst("Authorization") == null && rawQuery != null && rawQuery.contains("X-Amz-Signature=")) {
            verifyPresigned(method, rawPath, rawQuery, headers);
            return;
        }
        String declared = headers.getFirst("X-Amz-Content-Sha256");
        verifyHeader(method, s3Path(rawPath), rawQuery, headers, declared != null ? declared : hex(sha256(new byte[0])), "s3");
    }

    /**
     * A presigned S3 URL: the signature covers the query without {@code X-Amz-Signature}, the
     * signed headers and {@code UNSIGNED-PAYLOAD}, and is good until X-Amz-Date plus X-Amz-Expires.
     */
    private void verifyPresigned(String method, String rawPath, String rawQuery, Headers headers) {
        Map<String, String> q = new TreeMap<>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            q.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        if (!ALGORITHM.equals(q.get("X-Amz-Algorithm"))) {
            throw ApiError.INCOMPLETE_SIGNATURE.with("Only AWS4-HMAC-SHA256 is supported for presigned requests");
        }
        String credential = q.getOrDefault("X-Amz-Credential", ""), amzDate = q.getOrDefault("X-Amz-Date", "");
        String signedHeaders = q.getOrDefault("X-Amz-SignedHeaders", "host"), given = q.getOrDefault("X-Amz-Signature", "");
        String[] c = credential.split("/");
        if (c.length != 5 || !c[4].equals("aws4_request")) throw ApiError.INCOMPLETE_SIGNATURE.with("Invalid X-Amz-Credential: " + credential);
        String secret = secrets.get(c[0]);
        if (secret == null) throw ApiError.UNRECOGNIZED_CLIENT.with("The security token included in the request is invalid.");
        if (!c[3].equals("s3")) throw ApiError.INVALID_SIGNATURE.with("Credential should be scoped to correct service: 's3'. ");
        Instant signed;
        long expires;
        try {
            signed = Instant.from(AMZ_DATE.parse(amzDate));
            expires = Long.parseLong(q.getOrDefault("X-Amz-Expires", "0"));
        } catch (DateTimeParseException | NumberFormatException e) {
            throw ApiError.INCOMPLETE_SIGNATURE.with("Invalid X-Amz-Date or X-Amz-Expires");
        }
        if (Instant.now().isAfter(signed.plusSeconds(expires))) throw ApiError.PRESIGNED_EXPIRED.with("Request has expired");
        String unsignedQuery = String.join("&", Arrays.stream(rawQuery.split("&"))
                .filter(p -> !p.startsWith("X-Amz-Signature=")).toList());
        String payload = q.getOrDefault("X-Amz-Content-Sha256", "UNSIGNED-PAYLOAD");
        String canonical = canonical(method, s3Path(rawPath), unsignedQuery, headers, signedHeaders, payload);
        String scope = c[1] + "/" + c[2] + "/" + c[3] + "/aws4_request";
        compare(secret, c[1], c[2], c[3], amzDate, scope, canonical, given);
    }

    private void verifyHeader(String method, String canonicalPath, String rawQuery, Headers headers, String payloadHash, String expectedService) {
        String auth = headers.getFirst("Authorization");
        if (auth == null) throw ApiError.MISSING_AUTHENTICATION.with("Missing Authentication Token");
        Matcher m = AUTHORIZATION.matcher(auth);
        if (!m.matches()) {
            throw ApiError.INCOMPLETE_SIGNATURE.with("Authorization header requires 'Credential', 'Signature' and "
                    + "'SignedHeaders' parameters. Authorization=" + auth);
        }
        String keyId = m.group(1), day = m.group(2), scopeRegion = m.group(3), service = m.group(4);
        String secret = secrets.get(keyId);
        if (secret == null) throw ApiError.UNRECOGNIZED_CLIENT.with("The security token included in the request is invalid.");
        String amzDate = headers.getFirst("X-Amz-Date");
        if (amzDate == null) {
            throw ApiError.INCOMPLETE_SIGNATURE.with("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        }
        checkDate(amzDate, day);
        // Every service keeps resources per region, Step Functions too (its ARNs carry the caller's region).
        if (!REGION.matcher(scopeRegion).matches()) {
            throw ApiError.INVALID_SIGNATURE.with("Credential should be scoped to a valid region, not '" + scopeRegion + "'. ");
        }
        if (!service.equals(expectedService)) {
            throw ApiError.INVALID_SIGNATURE.with("Credential should be scoped to correct service: '" + expectedService + "'. ");
        }
        String scope = day + "/" + scopeRegion + "/" + service + "/aws4_request";
        String canonical = canonical(method, canonicalPath, rawQuery, headers, m.group(5), payloadHash);
        compare(secret, day, scopeRegion, service, amzDate, scope, canonical, m.group(6));
    }

    private static void compare(String secret, String day, String scopeRegion, String service, String amzDate, String scope,
                                String canonical, String signature) {
        String toSign = ALGORITHM + "\n" + amzDate + "\n" + scope + "\n" + hex(sha256(canonical.getBytes(StandardCharsets.UTF_8)));
        byte[] key = signingKey(secret, day, scopeRegion, service);
        byte[] expected = HexFormat.of().formatHex(hmac(key, toSign)).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signature.toLowerCase().getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            throw ApiError.INVALID_SIGNATURE.with("The request signature we calculated does not match the signature you "
                    + "provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.");
        }
    }

    private static void checkDate(String amzDate, String day) {
        Instant signed;
        try {
            signed = Instant.from(AMZ_DATE.parse(amzDate));
        } catch (DateTimeParseException e) {
            throw ApiError.INCOMPLETE_SIGNATURE.with("Date must be in ISO-8601 'basic format'. Got '" + amzDate + "'.");
        }
        if (!amzDate.startsWith(day)) {
            throw ApiError.INVALID_SIGNATURE.with("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '"
                    + day + "' != '" + amzDate.substring(0, 8) + "', from '" + amzDate + "'.");
        }
        Instant now = Instant.now();
        if (signed.isBefore(now.minus(SKEW)) || signed.isAfter(now.plus(SKEW))) {
            throw ApiError.SIGNATURE_EXPIRED.with("Signature expired: " + amzDate + " is now earlier than "
                    + AMZ_DATE.format(now.minus(SKEW)) + " (" + AMZ_DATE.format(now) + " - 15 min.)");
        }
    }

    static String canonicalRequest(String method, String rawPath, String rawQuery, Headers headers,
                                   String signedHeaders, String payloadHash) {
        return canonical(method, canonicalPath(rawPath), rawQuery, headers, signedHeaders, payloadHash);
    }

    /** The canonical request of a path already in canonical form. */
    private static String canonical(String method, String canonicalPath, String rawQuery, Headers headers,
                                    String signedHeaders, String payloadHash) {
        StringBuilder out = new StringBuilder(method).append('\n');
        out.append(canonicalPath).append('\n');
        out.append(canonicalQuery(rawQuery)).append('\n');
        for (String name : signedHeaders.split(";")) {
            List<String> values = headers.get(name);
            String joined = values == null ? "" : String.join(",", values.stream().map(SigV4::trim).toList());
            out.append(name).append(':').append(joined).append('\n');
        }
        return out.append('\n').append(signedHeaders).append('\n').append(payloadHash).toString();
    }

    /** Each path segment URI-encoded again, as SDKs do for every service but S3. */
    private static String canonicalPath(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) return "/";
        List<String> segments = new ArrayList<>();
        for (String s : rawPath.split("/", -1)) segments.add(encode(s));
        return String.join("/", segments);
    }

    /** S3's canonical path: each segment's decoded text URI-encoded once (SDKs sign it so for S3 alone). */
    private static String s3Path(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) return "/";
        List<String> segments = new ArrayList<>();
        for (String s : rawPath.split("/", -1)) segments.add(encode(decode(s)));
        return String.join("/", segments);
    }

    private static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) return "";
        TreeMap<String, List<String>> sorted = new TreeMap<>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String k = decode(eq < 0 ? pair : pair.substring(0, eq)), v = eq < 0 ? "" : decode(pair.substring(eq + 1));
            sorted.computeIfAbsent(encode(k), x -> new ArrayList<>()).add(encode(v));
        }
        List<String> parts = new ArrayList<>();
        sorted.forEach((k, vs) -> vs.stream().sorted().forEach(v -> parts.add(k + "=" + v)));
        return String.join("&", parts);
    }

    private static String payloadHash(Headers headers, byte[] body) {
        String declared = headers.getFirst("X-Amz-Content-Sha256");
        if (declared != null && declared.startsWith("UNSIGNED-PAYLOAD")) return declared;
        return hex(sha256(body));
    }

    private static String trim(String v) { return v.strip().replaceAll("\\s+", " "); }

    /** RFC 3986 encoding: unreserved characters stay, everything else is %XX of its UTF-8 bytes. */
    static String encode(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-_.~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    private static String decode(String s) { return java.net.URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8); }

    static byte[] signingKey(String secret, String day, String region, String service) {
        byte[] k = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), day);
        k = hmac(k, region);
        k = hmac(k, service);
        return hmac(k, "aws4_request");
    }

    static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable: " + e, e);
        }
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable: " + e, e);
        }
    }

    static String hex(byte[] bytes) { return HexFormat.of().formatHex(bytes); }
}
