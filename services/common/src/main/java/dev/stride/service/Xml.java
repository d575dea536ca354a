package dev.stride.service;

/**
 * A small XML text builder for the query protocol's replies: elements in document order, text
 * escaped. The reply shapes differ per service (SNS wraps lists in {@code <member>}, SQS's
 * query protocol flattens them), so each service writes its own elements with this.
 * <pre>{@code
 * Xml x = Xml.response("PublishResponse", SNS_NS);
 * x.open("PublishResult").text("MessageId", id).close();
 * byte[] body = x.endResponse(requestId);
 * }</pre>
 */
public final class Xml {
    private final StringBuilder out = new StringBuilder(256);
    private final java.util.ArrayDeque<String> open = new java.util.ArrayDeque<>();

    private Xml() {}

    /** A reply document {@code <Name xmlns="ns">}, closed by {@link #endResponse}. */
    public static Xml response(String rootName, String namespace) {
        Xml x = new Xml();
        x.out.append("<?xml version=\"1.0\"?>\n<").append(rootName).append(" xmlns=\"").append(namespace).append("\">");
        x.open.push(rootName);
        return x;
    }

    public Xml open(String name) {
        out.append('<').append(name).append('>');
        open.push(name);
        return this;
    }

    public Xml close() {
        out.append("</").append(open.pop()).append('>');
        return this;
    }

    /** {@code <name>text</name>}; nothing when text is null. */
    public Xml text(String name, String text) {
        if (text == null) return this;
        out.append('<').append(name).append('>');
        escape(text, out);
        out.append("</").append(name).append('>');
        return this;
    }

    /** Adds {@code <ResponseMetadata><RequestId>..</RequestId></ResponseMetadata>}, closes every element, returns UTF-8 bytes. */
    public byte[] endResponse(String requestId) {
        open("ResponseMetadata").text("RequestId", requestId).close();
        while (!open.isEmpty()) close();
        return out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The document so far with every element closed (for documents that are not replies). */
    public String finish() {
        while (!open.isEmpty()) close();
        return out.toString();
    }

    /** The query protocol's error document. */
    public static byte[] error(ServiceException e, String requestId) {
        StringBuilder b = new StringBuilder(256).append("<?xml version=\"1.0\"?>\n<ErrorResponse><Error><Type>")
                .append(e.sender() ? "Sender" : "Receiver").append("</Type><Code>");
        escape(e.code(), b);
        b.append("</Code><Message>");
        escape(e.getMessage() == null ? "" : e.getMessage(), b);
        b.append("</Message><Detail/></Error><RequestId>").append(requestId).append("</RequestId></ErrorResponse>");
        return b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Escapes text for element content; characters XML 1.0 cannot carry are written as character references. */
    public static void escape(String s, StringBuilder b) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\r' -> b.append("&#xD;");
                default -> b.append(c);
            }
        }
    }
}
