package dev.stride.service.logs.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The text form of CloudWatch Logs filter patterns: every term must appear in the message
 * (case-sensitive), a quoted term as a phrase, {@code ?term ?term} means any of them, and
 * {@code -term} excludes. JSON ({@code { $.x = 1 }}) and space-delimited ({@code [a, b]})
 * patterns are not supported and match every event.
 */
final class FilterPattern {
    private final List<String> all = new ArrayList<>();
    private final List<String> any = new ArrayList<>();
    private final List<String> none = new ArrayList<>();

    private FilterPattern() {}

    static FilterPattern parse(String pattern) {
        FilterPattern p = new FilterPattern();
        if (pattern == null || pattern.isBlank() || pattern.trim().startsWith("{") || pattern.trim().startsWith("[")) return p;
        String s = pattern.trim();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == ' ') { i++; continue; }
            List<String> into = p.all;
            if (c == '?') { into = p.any; i++; } else if (c == '-') { into = p.none; i++; }
            int end;
            String term;
            if (i < s.length() && s.charAt(i) == '"') {
                end = s.indexOf('"', i + 1);
                if (end < 0) end = s.length();
                term = s.substring(i + 1, end);
                i = end + 1;
            } else {
                end = s.indexOf(' ', i);
                if (end < 0) end = s.length();
                term = s.substring(i, end);
                i = end;
            }
            if (!term.isEmpty()) into.add(term);
        }
        return p;
    }

    boolean matches(String message) {
        for (String t : all) if (!message.contains(t)) return false;
        for (String t : none) if (message.contains(t)) return false;
        if (any.isEmpty()) return true;
        for (String t : any) if (message.contains(t)) return true;
        return false;
    }
}
