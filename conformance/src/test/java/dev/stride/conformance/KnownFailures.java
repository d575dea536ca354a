package dev.stride.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** known-failures.txt: one case per line, "category/name  reason"; '#' starts a comment. */
final class KnownFailures {
    private KnownFailures() {}

    static Map<String, String> load(Path file) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        if (!Files.exists(file)) return out;
        for (String line : Files.readAllLines(file)) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) continue;
            int sp = t.indexOf(' ');
            out.put(sp < 0 ? t : t.substring(0, sp), sp < 0 ? "" : t.substring(sp).strip());
        }
        return out;
    }
}
