package dev.stride.service.s3.internal;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * HTTP conditional requests on an object, evaluated as S3 does (RFC 7232's precedence): If-Match
 * decides over If-Unmodified-Since, If-None-Match over If-Modified-Since. A failed If-Match or
 * If-Unmodified-Since is 412 PreconditionFailed; a matching If-None-Match or an unmodified
 * If-Modified-Since is 304 Not Modified for GET and HEAD. Times compare at whole seconds, the
 * precision of Last-Modified. An unparseable date is ignored, as S3 ignores it.
 */
public record Conditions(String ifMatch, String ifNoneMatch, String ifModifiedSince, String ifUnmodifiedSince) {
    public static final Conditions NONE = new Conditions(null, null, null, null);

    /** True when the reply is 304 Not Modified; throws PreconditionFailed when one fails. */
    public boolean notModified(ObjectMeta o) {
        long modified = o.lastModified() / 1000;
        if (ifMatch != null) {
            if (!matches(ifMatch, o.eTag())) throw S3Errors.preconditionFailed("If-Match");
        } else if (ifUnmodifiedSince != null) {
            Long t = seconds(ifUnmodifiedSince);
            if (t != null && modified > t) throw S3Errors.preconditionFailed("If-Unmodified-Since");
        }
        if (ifNoneMatch != null) return matches(ifNoneMatch, o.eTag());
        if (ifModifiedSince != null) {
            Long t = seconds(ifModifiedSince);
            return t != null && modified <= t;
        }
        return false;
    }

    /** For writes and copy sources, where every failed condition is 412 (never 304). */
    public void checkForWrite(ObjectMeta o, String prefix) {
        if (notModified(o)) throw S3Errors.preconditionFailed(prefix + (ifNoneMatch != null ? "If-None-Match" : "If-Modified-Since"));
    }

    /** Whether a list of entity tags ({@code "a", "b"}, or {@code *}) names this one. */
    static boolean matches(String list, String eTag) {
        for (String t : list.split(",")) {
            String tag = t.strip();
            if (tag.startsWith("W/")) tag = tag.substring(2);
            if (tag.equals("*") || unquote(tag).equals(unquote(eTag))) return true;
        }
        return false;
    }

    private static String unquote(String s) { return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s; }

    static Long seconds(String httpDate) {
        try {
            return ZonedDateTime.parse(httpDate.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toEpochSecond();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(httpDate.strip()).getEpochSecond();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }
}
