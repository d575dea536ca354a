package dev.stride.service.s3.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Decodes the {@code aws-chunked} content encoding SDKs stream uploads in
 * ({@code x-amz-content-sha256: STREAMING-UNSIGNED-PAYLOAD-TRAILER},
 * {@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER]}):
 * <pre>
 * hex-size[;chunk-signature=sig]\r\n  data  \r\n   ... repeated ...
 * 0[;chunk-signature=sig]\r\n
 * x-amz-checksum-crc32:base64\r\n                (trailers, when x-amz-trailer names them)
 * x-amz-trailer-signature:sig\r\n
 * \r\n
 * </pre>
 * Reads give the data only; {@link #trailers()} holds the trailing headers once the stream has
 * ended. Chunk signatures are not checked (see the README): the request's own signature is.
 */
final class AwsChunkedInput extends InputStream {
    private static final int MAX_LINE = 8192;
    private final InputStream in;
    private final Map<String, String> trailers = new LinkedHashMap<>();
    private long chunkLeft;
    private boolean ended;

    AwsChunkedInput(InputStream in) { this.in = in; }

    /** Trailing headers, lower-case names; complete once a read returned -1. */
    Map<String, String> trailers() { return trailers; }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        if (ended) return -1;
        if (chunkLeft == 0 && !nextChunk()) return -1;
        int n = in.read(b, off, (int) Math.min(len, chunkLeft));
        if (n < 0) throw S3Errors.incompleteBody();
        chunkLeft -= n;
        if (chunkLeft == 0) expectCrlf();
        return n;
    }

    /** Reads the next chunk's header; false at the final chunk (after reading the trailers). */
    private boolean nextChunk() throws IOException {
        String header = line();
        if (header == null) throw S3Errors.incompleteBody();
        int semi = header.indexOf(';');
        String size = (semi < 0 ? header : header.substring(0, semi)).strip();
        try {
            chunkLeft = Long.parseLong(size, 16);
        } catch (NumberFormatException e) {
            throw S3Errors.invalidRequest("Invalid chunk size: " + size);
        }
        if (chunkLeft > 0) return true;
        readTrailers();
        ended = true;
        return false;
    }

    private void readTrailers() throws IOException {
        for (String l = line(); l != null && !l.isEmpty(); l = line()) {
            int colon = l.indexOf(':');
            if (colon > 0) trailers.put(l.substring(0, colon).strip().toLowerCase(Locale.ROOT), l.substring(colon + 1).strip());
        }
    }

    private void expectCrlf() throws IOException {
        String rest = line();
        if (rest == null || !rest.isEmpty()) throw S3Errors.invalidRequest("Invalid aws-chunked encoding: a chunk did not end with CRLF");
    }

    /** One line without its CRLF (or LF), or null at the end of the stream. */
    private String line() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(80);
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') break;
            if (out.size() >= MAX_LINE) throw S3Errors.invalidRequest("Invalid aws-chunked encoding: line too long");
            out.write(c);
        }
        if (c < 0 && out.size() == 0) return null;
        String s = out.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }
}
