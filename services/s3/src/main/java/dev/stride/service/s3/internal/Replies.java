package dev.stride.service.s3.internal;

import dev.stride.service.StreamedResponse;
import dev.stride.service.Xml;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** S3's reply shapes: XML documents in its namespace, empty replies, and the error document. */
public final class Replies {
    public static final String NS = "http://s3.amazonaws.com/doc/2006-03-01/";
    private static final String XML = "application/xml";
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ISO =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Replies() {}

    /** A new reply document with this root element in S3's namespace. */
    static Xml document(String root) { return Xml.response(root, NS); }

    static StreamedResponse xml(Xml doc, Map<String, String> headers) {
        byte[] body = doc.finish().getBytes(StandardCharsets.UTF_8);
        return new StreamedResponse(200, XML, headers, body.length, new ByteArrayInputStream(body));
    }

    static StreamedResponse xml(Xml doc) { return xml(doc, Map.of()); }

    /** A document whose root holds only text: {@code <LocationConstraint>eu-west-1</LocationConstraint>}. */
    static StreamedResponse textDocument(String root, String text) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<").append(root).append(" xmlns=\"").append(NS).append("\">");
        Xml.escape(text, b);
        byte[] body = b.append("</").append(root).append('>').toString().getBytes(StandardCharsets.UTF_8);
        return new StreamedResponse(200, XML, Map.of(), body.length, new ByteArrayInputStream(body));
    }

    static StreamedResponse empty(int status, Map<String, String> headers) {
        return new StreamedResponse(status, XML, headers, 0, null);
    }

    /**
     * {@code <Error><Code/><Message/>...details...<Resource/><RequestId/></Error>}; a HEAD reply has
     * no body (HEAD never does), the client reads the status alone.
     */
    public static StreamedResponse error(S3Error e, String resource, String requestId, boolean head) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-amz-request-id", requestId);
        if (head) return new StreamedResponse(e.status(), XML, headers, 0, null);
        StringBuilder b = new StringBuilder(256).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>");
        Xml.escape(e.code(), b);
        b.append("</Code><Message>");
        Xml.escape(e.getMessage() == null ? "" : e.getMessage(), b);
        b.append("</Message>");
        e.details().forEach((k, v) -> {
            b.append('<').append(k).append('>');
            Xml.escape(v, b);
            b.append("</").append(k).append('>');
        });
        if (resource != null) {
            b.append("<Resource>");
            Xml.escape(resource, b);
            b.append("</Resource>");
        }
        b.append("<RequestId>").append(requestId).append("</RequestId></Error>");
        byte[] body = b.toString().getBytes(StandardCharsets.UTF_8);
        return new StreamedResponse(e.status(), XML, headers, body.length, new ByteArrayInputStream(body));
    }

    static String httpDate(long millis) { return HTTP_DATE.format(Instant.ofEpochMilli(millis)); }

    static String isoDate(long millis) { return ISO.format(Instant.ofEpochMilli(millis)); }
}
