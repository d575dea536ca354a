package dev.stride.engine.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** ISO-8601 extended offset date-times as ASL accepts them (a 'T', and 'Z' or an offset). */
final class Timestamps {
    private Timestamps() {}

    /** The instant, or null when the text is not such a timestamp. */
    static Instant parse(String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
