package dev.stride.api.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Escaping and the page frame every console page shares. */
public final class Html {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private Html() {}

    /** Escapes text for HTML content and attribute values. */
    public static String esc(String text) {
        if (text == null) return "";
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String url(String value) { return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8); }

    /** An API date (epoch seconds with a fraction) in UTC. */
    static String date(JsonNode seconds) {
        if (seconds == null || !seconds.isNumber()) return "";
        return TIME.format(Instant.ofEpochMilli(Math.round(seconds.asDouble() * 1000)));
    }

    static String pretty(JsonNode value) {
        try {
            return value == null ? "" : MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }

    static String json(JsonNode value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    static String status(String status) {
        return "<span class=\"badge " + esc(status) + "\">" + esc(status) + "</span>";
    }

    /** A whole page: the header with its navigation, then the body. */
    static String page(String title, String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + esc(title) + " - Stride</title>"
                + "<link rel=\"stylesheet\" href=\"" + Console.PREFIX + "assets/console.css\">"
                + "<script defer src=\"" + Console.PREFIX + "assets/console.js\"></script></head><body>"
                + "<header><a class=\"brand\" href=\"" + Console.PREFIX + "\">Stride</a>"
                + "<nav><a href=\"" + Console.PREFIX + "\">State machines</a>"
                + "<a href=\"" + Console.PREFIX + "map-runs\">Map Runs</a>"
                + "<a href=\"" + Console.PREFIX + "activities\">Activities</a>"
                + "<a href=\"" + Console.PREFIX + "resources\">Local resources</a></nav></header>"
                + "<main>" + body + "</main></body></html>";
    }
}
