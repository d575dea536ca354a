package dev.stride.engine.internal;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV one row at a time (RFC 4180: quoted fields may hold the delimiter, quotes doubled,
 * line breaks), never holding more than a row. Rows end at LF or CRLF; an empty line is no row.
 */
final class CsvRows {
    private final Reader in;
    private final char delimiter;
    private int peeked = -2;
    /** Row number of the last row returned (1-based), for error messages. */
    long row;

    CsvRows(Reader in, char delimiter) {
        this.in = in;
        this.delimiter = delimiter;
    }

    /** The next row's fields, or null at the end. */
    List<String> next() throws IOException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean any = false;
        boolean quoted = false;
        while (true) {
            int c = read();
            if (c < 0) {
                if (quoted) throw new IOException("unterminated quoted field in row " + (row + 1));
                if (!any && field.isEmpty() && fields.isEmpty()) return null;
                fields.add(field.toString());
                row++;
                return fields;
            }
            if (quoted) {
                if (c == '"') {
                    if (peek() == '"') {
                        read();
                        field.append('"');
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append((char) c);
                }
                continue;
            }
            if (c == '"' && field.isEmpty()) {
                quoted = true;
                any = true;
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && peek() == '\n') read();
                if (!any && field.isEmpty() && fields.isEmpty()) continue; // an empty line
                fields.add(field.toString());
                row++;
                return fields;
            } else {
                field.append((char) c);
                any = true;
            }
        }
    }

    private int read() throws IOException {
        if (peeked != -2) {
            int c = peeked;
            peeked = -2;
            return c;
        }
        return in.read();
    }

    private int peek() throws IOException {
        if (peeked == -2) peeked = in.read();
        return peeked;
    }
}
