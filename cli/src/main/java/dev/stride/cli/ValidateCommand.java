package dev.stride.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.asl.read.DefinitionReader;
import dev.stride.asl.validation.DefinitionValidator;
import dev.stride.asl.validation.Diagnostic;
import dev.stride.asl.validation.StateMachineType;
import dev.stride.graph.Lint;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stride validate FILE...}: prints every problem with its location; exits 1 on any error. */
@Command(name = "validate", description = "Checks definitions as CreateStateMachine does and prints every problem, then static-analysis warnings.")
final class ValidateCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "ASL definitions (JSON or YAML).")
    List<Path> files;

    @Option(names = "--type", description = "STANDARD (default) or EXPRESS.", defaultValue = "STANDARD")
    StateMachineType type;

    @Override
    public Integer call() {
        int failed = 0;
        for (Path file : files) {
            List<Diagnostic> diags;
            JsonNode json;
            try {
                DefinitionFile def = DefinitionFile.read(file);
                json = DefinitionReader.read(def.text());
                diags = DefinitionValidator.validate(json, type);
            } catch (IllegalArgumentException e) {
                System.out.println(file + ": ERROR " + e.getMessage());
                failed++;
                continue;
            }
            List<Lint.Warning> warnings = lint(json, diags);
            if (diags.isEmpty() && warnings.isEmpty()) {
                System.out.println(file + ": OK");
                continue;
            }
            for (Diagnostic d : diags) {
                System.out.println(file + ": " + d.severity() + " " + d.code() + " at " + d.location() + ": " + d.message());
            }
            for (Lint.Warning w : warnings) {
                System.out.println(file + ": WARNING " + w.code() + " at " + w.location() + ": " + w.message());
            }
            if (DefinitionValidator.hasErrors(diags)) failed++;
        }
        return failed == 0 ? 0 : 1;
    }

    /** Static-analysis warnings ({@link Lint}), less those the validator already reported at the same place. */
    private static List<Lint.Warning> lint(JsonNode json, List<Diagnostic> diags) {
        Set<String> reported = new HashSet<>();
        for (Diagnostic d : diags) reported.add(d.location());
        return Lint.check(json).stream().filter(w -> !(w.code().equals("UNREACHABLE_STATE") && reported.contains(w.location()))).toList();
    }
}
