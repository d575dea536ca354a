package dev.stride.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs every case of ../shared/conformance against the in-process engine and prints
 * {@code conformance: N passed, N failed} per category and in total. Fails when a case outside
 * known-failures.txt fails, or when a listed case passes (then it must leave the list).
 */
class ConformanceTest {
    static Path corpus() {
        return Path.of(System.getProperty("stride.shared", "../../shared")).resolve("conformance").toAbsolutePath().normalize();
    }

    @Test
    void everyRecordedCaseBehavesAsAwsRecordedIt() throws IOException {
        Path root = corpus();
        Map<String, String> known = KnownFailures.load(Path.of("known-failures.txt"));
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(f -> f.toString().endsWith(".json") && !f.getFileName().toString().equals("extraction-stats.json"))
                    .filter(f -> !f.getParent().equals(root)).sorted().toList();
        }
        Map<String, int[]> perCategory = new TreeMap<>();
        List<String> unexpectedFailures = new ArrayList<>();
        List<String> unexpectedPasses = new ArrayList<>();
        Map<String, String> failures = new LinkedHashMap<>();
        CaseRunner runner = new CaseRunner();
        for (Path f : files) {
            Case c = Case.load(f, root);
            String problem;
            try {
                problem = runner.run(c);
            } catch (Exception | Error e) {
                problem = "crashed: " + e;
            }
            int[] counts = perCategory.computeIfAbsent(c.category(), k -> new int[2]);
            if (problem == null) {
                counts[0]++;
                if (known.containsKey(c.name())) unexpectedPasses.add(c.name());
            } else {
                counts[1]++;
                failures.put(c.name(), problem);
                if (!known.containsKey(c.name())) unexpectedFailures.add(c.name() + "\n  " + problem);
            }
        }
        int passed = 0, failed = 0;
        for (var e : perCategory.entrySet()) {
            System.out.printf("conformance %-12s %4d passed, %4d failed%n", e.getKey() + ":", e.getValue()[0], e.getValue()[1]);
            passed += e.getValue()[0];
            failed += e.getValue()[1];
        }
        System.out.printf("conformance: %d passed, %d failed (%d known failures listed)%n", passed, failed, known.size());
        if (System.getProperty("stride.conformance.report") != null) {
            failures.forEach((k, v) -> System.out.println("FAIL " + k + "\n  " + v));
        }
        assertThat(unexpectedFailures).as("cases failing that are not in known-failures.txt").isEmpty();
        assertThat(unexpectedPasses).as("cases in known-failures.txt that now pass: remove them from the list").isEmpty();
    }
}
