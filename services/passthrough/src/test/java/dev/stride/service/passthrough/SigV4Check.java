package dev.stride.service.passthrough;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Recomputes a request's SigV4 signature from what arrived, written from the spec rather than
 * with the SDK, so the test checks the signer's output and not the signer against itself.
 * Enough for these tests' requests: paths and query values of unreserved characters.
 */
final class SigV4Check {
    private static final Pattern AUTH = Pattern.compile(
            "AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})");

    record Parsed(String accessKey, String date, String region, String service, List<String> signedHeaders, String signature) {}

    static Parsed parse(String authorization) {
        Matcher m = AUTH.matcher(authorization);
        if (!m.matches()) throw new AssertionError("not a SigV4 Authorization header: " + authorization);
        return new Parsed(m.group(1), m.group(2), m.group(3), m.group(4), List.of(m.group(5).split(";")), m.group(6));
    }

    /** The signature the request should carry, signed with this secret. */
    static String expected(FakeRemote.Recorded r, String secret) throws Exception {
        Parsed p = parse(r.header("authorization"));
        StringBuilder canonical = new StringBuilder()
                .append(r.method()).append('\n')
                .append(r.rawPath()).append('\n')
                .append(canonicalQuery(r.rawQuery())).append('\n');
        for (String h : p.signedHeaders()) canonical.append(h).append(':').append(r.header(h).trim()).append('\n');
        canonical.append('\n').append(String.join(";", p.signedHeaders())).append('\n').append(hex(sha256(r.body())));
        String scope = p.date() + "/" + p.region() + "/" + p.service() + "/aws4_request";
        String toSign = "AWS4-HMAC-SHA256\n" + r.header("x-amz-date") + "\n" + scope + "\n"
                + hex(sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), p.date());
        key = hmac(key, p.region());
        key = hmac(key, p.service());
        key = hmac(key, "aws4_request");
        return hex(hmac(key, toSign));
    }

    private static String canonicalQuery(String raw) {
        if (raw == null || raw.isEmpty()) return "";
        List<String> pairs = new ArrayList<>();
        for (String pair : raw.split("&")) pairs.add(pair.contains("=") ? pair : pair + "=");
        pairs.sort(null);
        return String.join("&", pairs);
    }

    private static byte[] sha256(byte[] b) throws Exception { return MessageDigest.getInstance("SHA-256").digest(b); }

    private static byte[] hmac(byte[] key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    private static String hex(byte[] b) { return HexFormat.of().formatHex(b); }
}
