package dev.stride.service.s3.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Receives an upload's body into a temp file as it streams in, decoding {@code aws-chunked},
 * and checks it the way S3 does before anything becomes visible: the decoded length, Content-MD5
 * (BadDigest), x-amz-content-sha256 when it is a hash (XAmzContentSHA256Mismatch) and every
 * {@code x-amz-checksum-*} given as a header or a trailer (BadDigest). A body that fails a check
 * is deleted.
 */
final class Ingest {
    private static final int BUFFER = 64 * 1024;
    private final Volume volume;

    Ingest(Volume volume) { this.volume = volume; }

    /** @param headers a request header by lower-case name, or null */
    Received receive(InputStream raw, Function<String, String> headers) throws IOException {
        String sha256 = headers.apply("x-amz-content-sha256");
        String encoding = headers.apply("content-encoding");
        boolean chunked = (sha256 != null && sha256.startsWith("STREAMING-"))
                || (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("aws-chunked"));
        InputStream buffered = new BufferedInputStream(raw, BUFFER);
        AwsChunkedInput decoded = chunked ? new AwsChunkedInput(buffered) : null;
        InputStream in = decoded != null ? decoded : buffered;

        Map<ChecksumAlgorithm, ChecksumAlgorithm.Digest> digests = new EnumMap<>(ChecksumAlgorithm.class);
        for (ChecksumAlgorithm a : requested(headers)) digests.put(a, a.start());
        ChecksumAlgorithm.Digest md5 = ChecksumAlgorithm.md5();
        boolean hashed = sha256 != null && sha256.length() == 64 && sha256.chars().allMatch(c -> Character.digit(c, 16) >= 0);
        ChecksumAlgorithm.Digest payload = hashed ? ChecksumAlgorithm.SHA256.start() : null;

        Path temp = volume.incoming();
        long size = 0;
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                byte[] buf = new byte[BUFFER];
                for (int n; (n = in.read(buf)) >= 0; ) {
                    out.write(buf, 0, n);
                    md5.update(buf, 0, n);
                    if (payload != null) payload.update(buf, 0, n);
                    for (ChecksumAlgorithm.Digest d : digests.values()) d.update(buf, 0, n);
                    size += n;
                }
            }
            Received r = new Received(temp, size, md5.finish(), checked(digests, headers, decoded));
            checkLength(size, headers.apply("x-amz-decoded-content-length"), chunked);
            checkMd5(r.md5(), headers.apply("content-md5"));
            if (payload != null) checkSha256(sha256, payload.finish());
            return r;
        } catch (IOException | RuntimeException e) {
            Volume.deleteQuietly(temp);
            throw e;
        }
    }

    /** The algorithms the client declared a value for or asked to have computed. */
    private static Set<ChecksumAlgorithm> requested(Function<String, String> headers) {
        Set<ChecksumAlgorithm> out = EnumSet.noneOf(ChecksumAlgorithm.class);
        for (ChecksumAlgorithm a : ChecksumAlgorithm.values()) {
            if (headers.apply(a.header()) != null) out.add(a);
        }
        ChecksumAlgorithm asked = ChecksumAlgorithm.of(headers.apply("x-amz-sdk-checksum-algorithm"));
        if (asked != null) out.add(asked);
        String trailer = headers.apply("x-amz-trailer");
        if (trailer != null) {
            for (String t : trailer.split(",")) {
                String name = t.strip().toLowerCase(Locale.ROOT);
                if (name.startsWith("x-amz-checksum-")) {
                    ChecksumAlgorithm a = ChecksumAlgorithm.of(name.substring("x-amz-checksum-".length()));
                    if (a != null) out.add(a);
                }
            }
        }
        return out;
    }

    /** The computed checksums, each compared with the value the client sent in a header or trailer. */
    private static Map<String, String> checked(Map<ChecksumAlgorithm, ChecksumAlgorithm.Digest> digests,
                                               Function<String, String> headers, AwsChunkedInput decoded) {
        Map<String, String> out = new LinkedHashMap<>();
        digests.forEach((a, d) -> {
            String computed = Base64.getEncoder().encodeToString(d.finish());
            String given = headers.apply(a.header());
            if (given == null && decoded != null) given = decoded.trailers().get(a.header());
            if (given != null && !given.equals(computed)) {
                throw S3Errors.badDigest("The " + a.name() + " you specified did not match the calculated checksum.");
            }
            out.put(a.name(), computed);
        });
        return out;
    }

    private static void checkLength(long size, String decodedLength, boolean chunked) {
        if (!chunked || decodedLength == null) return;
        try {
            if (Long.parseLong(decodedLength.strip()) != size) throw S3Errors.incompleteBody();
        } catch (NumberFormatException e) {
            throw S3Errors.invalidArgument("Invalid x-amz-decoded-content-length", "x-amz-decoded-content-length", decodedLength);
        }
    }

    private static void checkMd5(byte[] md5, String contentMd5) {
        if (contentMd5 == null) return;
        byte[] given;
        try {
            given = Base64.getDecoder().decode(contentMd5.strip());
        } catch (IllegalArgumentException e) {
            throw S3Errors.invalidDigest();
        }
        if (given.length != 16) throw S3Errors.invalidDigest();
        if (!Arrays.equals(given, md5)) throw S3Errors.badDigest("The Content-MD5 you specified did not match what we received.");
    }

    private static void checkSha256(String declared, byte[] computed) {
        String hex = HexFormat.of().formatHex(computed);
        if (!hex.equalsIgnoreCase(declared)) throw S3Errors.sha256Mismatch(declared, hex);
    }
}
