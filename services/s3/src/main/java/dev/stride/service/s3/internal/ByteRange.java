package dev.stride.service.s3.internal;

/**
 * One byte range of a GET ({@code Range: bytes=0-99}, {@code bytes=100-}, {@code bytes=-100}),
 * inclusive at both ends and clamped to the object. S3 serves a single range; a header it cannot
 * read, or one with several ranges, is ignored and the whole object is sent, as S3 does.
 */
public record ByteRange(long first, long last) {
    public long length() { return last - first + 1; }

    /** {@code bytes 0-99/1234} for Content-Range. */
    public String contentRange(long size) { return "bytes " + first + "-" + last + "/" + size; }

    /** The range asked for, or null for the whole object; InvalidRange when it starts past the end. */
    public static ByteRange parse(String header, long size) {
        if (header == null) return null;
        String h = header.strip();
        if (!h.startsWith("bytes=") || h.indexOf(',') >= 0) return null;
        String spec = h.substring("bytes=".length()).strip();
        int dash = spec.indexOf('-');
        if (dash < 0) return null;
        try {
            String a = spec.substring(0, dash).strip(), b = spec.substring(dash + 1).strip();
            if (a.isEmpty()) { // the last n bytes
                if (b.isEmpty()) return null;
                long n = Long.parseLong(b);
                if (n == 0 || size == 0) throw S3Errors.invalidRange(header, size);
                return new ByteRange(Math.max(0, size - n), size - 1);
            }
            long first = Long.parseLong(a);
            long last = b.isEmpty() ? size - 1 : Math.min(Long.parseLong(b), size - 1);
            if (b.length() > 0 && Long.parseLong(b) < first) return null; // not a valid range: ignored
            if (first >= size) throw S3Errors.invalidRange(header, size);
            return new ByteRange(first, last);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
