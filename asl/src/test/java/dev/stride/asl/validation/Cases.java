package dev.stride.asl.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Loads the shared conformance corpus (root: system property stride.shared, default /work/shared). */
final class Cases {
    static final ObjectMapper JSON = new ObjectMapper();

    private Cases() {}

    static Path root() {
        return Path.of(System.getProperty("stride.shared", "/work/shared"), "conformance");
    }

    static List<Path> files(String category) {
        Path dir = root().resolve(category);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode load(Path p) {
        try {
            return JSON.readTree(p.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static StateMachineType type(JsonNode c) {
        return StateMachineType.valueOf(c.path("stateMachineType").asText("STANDARD"));
    }

    static String name(Path p) {
        String f = p.getFileName().toString();
        return f.substring(0, f.length() - 5);
    }
}
