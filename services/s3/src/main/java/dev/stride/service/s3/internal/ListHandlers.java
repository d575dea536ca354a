package dev.stride.service.s3.internal;

import dev.stride.service.StreamedResponse;
import dev.stride.service.Xml;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * ListObjectsV2 and ListObjects (v1): prefix, delimiter (CommonPrefixes), max-keys (at most
 * 1000), continuation-token or start-after (v2), marker (v1), and encoding-type=url, which
 * URL-encodes every key and prefix in the reply (what {@code aws s3 ls} and {@code sync} ask for).
 * A v2 continuation token is the base64 of the last key or prefix the page held.
 */
final class ListHandlers {
    private static final int MAX_KEYS = 1000;
    private final BucketObjects objects;

    ListHandlers(BucketObjects objects) { this.objects = objects; }

    StreamedResponse v2(S3Request r) {
        String token = r.param("continuation-token");
        String startAfter = r.param("start-after");
        String after = token != null ? decodeToken(token) : startAfter;
        int max = maxKeys(r);
        ListPage page = objects.list(r.bucket(), r.param("prefix"), r.param("delimiter"), after, max);
        boolean url = urlEncoded(r);
        Xml x = Replies.document("ListBucketResult").text("Name", r.bucket()).text("Prefix", enc(nullToEmpty(r.param("prefix")), url));
        if (r.param("delimiter") != null) x.text("Delimiter", enc(r.param("delimiter"), url));
        if (startAfter != null) x.text("StartAfter", enc(startAfter, url));
        if (token != null) x.text("ContinuationToken", token);
        x.text("KeyCount", Integer.toString(page.keyCount())).text("MaxKeys", Integer.toString(max));
        if (url) x.text("EncodingType", "url");
        x.text("IsTruncated", Boolean.toString(page.truncated()));
        if (page.truncated()) x.text("NextContinuationToken", encodeToken(page.last()));
        contents(x, page, url, "true".equals(r.param("fetch-owner")));
        return Replies.xml(x);
    }

    StreamedResponse v1(S3Request r) {
        String marker = r.param("marker");
        int max = maxKeys(r);
        String delimiter = r.param("delimiter");
        ListPage page = objects.list(r.bucket(), r.param("prefix"), delimiter, marker == null || marker.isEmpty() ? null : marker, max);
        boolean url = urlEncoded(r);
        Xml x = Replies.document("ListBucketResult").text("Name", r.bucket()).text("Prefix", enc(nullToEmpty(r.param("prefix")), url))
                .text("Marker", enc(nullToEmpty(marker), url)).text("MaxKeys", Integer.toString(max));
        if (delimiter != null) x.text("Delimiter", enc(delimiter, url));
        if (url) x.text("EncodingType", "url");
        x.text("IsTruncated", Boolean.toString(page.truncated()));
        // S3 gives NextMarker only with a delimiter; without one the client carries on from the last key.
        if (page.truncated() && delimiter != null) x.text("NextMarker", enc(page.last(), url));
        contents(x, page, url, true);
        return Replies.xml(x);
    }

    private static void contents(Xml x, ListPage page, boolean url, boolean owner) {
        for (ObjectMeta o : page.objects()) {
            x.open("Contents").text("Key", enc(o.key(), url)).text("LastModified", Replies.isoDate(o.lastModified()))
                    .text("ETag", o.eTag()).text("Size", Long.toString(o.size())).text("StorageClass", "STANDARD");
            o.checksums().keySet().forEach(alg -> x.text("ChecksumAlgorithm", alg));
            if (owner) x.open("Owner").text("ID", Owner.ID).text("DisplayName", Owner.NAME).close();
            x.close();
        }
        for (String p : page.commonPrefixes()) x.open("CommonPrefixes").text("Prefix", enc(p, url)).close();
    }

    private static int maxKeys(S3Request r) {
        String v = r.param("max-keys");
        if (v == null) return MAX_KEYS;
        try {
            int n = Integer.parseInt(v.strip());
            if (n < 0) throw new NumberFormatException();
            return Math.min(n, MAX_KEYS);
        } catch (NumberFormatException e) {
            throw S3Errors.invalidArgument("Provided max-keys not an integer or within integer range", "max-keys", v);
        }
    }

    private static boolean urlEncoded(S3Request r) {
        String t = r.param("encoding-type");
        if (t == null) return false;
        if (!t.equals("url")) throw S3Errors.invalidArgument("Invalid Encoding Method specified in Request", "encoding-type", t);
        return true;
    }

    /** Form encoding, as S3's: the SDKs and the CLI decode it, {@code +} as a space. */
    private static String enc(String s, boolean url) { return url ? URLEncoder.encode(s, StandardCharsets.UTF_8) : s; }

    private static String nullToEmpty(String s) { return s == null ? "" : s; }

    private static String encodeToken(String last) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(last.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeToken(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw S3Errors.invalidArgument("The continuation token provided is incorrect", "continuation-token", token);
        }
    }
}
