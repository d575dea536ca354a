package dev.stride.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.asl.compile.DefinitionCompiler;
import dev.stride.asl.model.StateMachine;
import dev.stride.asl.validation.StateMachineType;
import dev.stride.engine.Engine;
import dev.stride.engine.ExecutionStatus;
import dev.stride.engine.ExecutionView;
import dev.stride.engine.StartRequest;
import dev.stride.engine.history.HistoryEvent;
import dev.stride.expr.Json;
import dev.stride.integrations.MockConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code stride run DEFINITION [--input JSON | --input-file FILE] [--format text|json] [--history]
 * [--config stride.yaml] [--mock-config FILE --test-case NAME [--state-machine-name NAME]]}:
 * runs one execution in-process, its tasks through the integrations of stride.yaml and, with a
 * Step Functions Local mock config, the mocked responses of one test case. Exit codes: 0 SUCCEEDED, 1 any other final status, 2 when the
 * definition or input is rejected. The JSON format is a contract other tools rely on.
 */
@Command(name = "run", description = "Runs one execution of a state machine in-process.")
final class RunCommand implements Callable<Integer> {
    enum Format { text, json }

    @Parameters(index = "0", paramLabel = "DEFINITION", description = "ASL definition file (JSON or YAML).")
    Path definition;

    @ArgGroup(exclusive = true)
    InputSource input;

    static final class InputSource {
        @Option(names = "--input", description = "Execution input as JSON text.")
        String json;

        @Option(names = "--input-file", description = "File holding the execution input JSON.")
        Path file;
    }

    @Option(names = "--format", description = "text (default) or json.", defaultValue = "text")
    Format format;

    @Option(names = "--history", description = "Include the execution history (json format: events).")
    boolean history;

    @Option(names = "--express", description = "Run as an EXPRESS state machine.")
    boolean express;

    @Option(names = "--timeout", description = "Give up waiting after this many seconds (default: no limit).", defaultValue = "0")
    long timeoutSeconds;

    @Option(names = "--config", paramLabel = "FILE", description = "Integrations config (default: stride.yaml, .yml or .json in the working directory, if any).")
    Path config;

    @Option(names = "--mock-config", paramLabel = "FILE", description = "Step Functions Local mock config (MockConfigFile.json).")
    Path mockConfig;

    @Option(names = "--test-case", paramLabel = "NAME", description = "The mock config's test case to run (needs --mock-config).")
    String testCase;

    @Option(names = "--state-machine-name", paramLabel = "NAME", description = "The state machine's name (default: the file name up to its first dot).")
    String stateMachineName;

    @Override
    public Integer call() throws Exception {
        DefinitionFile def = DefinitionFile.read(definition);
        DefinitionFile.Checked checked = def.check(express ? StateMachineType.EXPRESS : StateMachineType.STANDARD);
        if (checked.problem() != null) return rejected(checked.problem());
        JsonNode json = checked.json();
        JsonNode executionInput = readInput();
        if (executionInput == null) return 2;
        StateMachine machine = DefinitionCompiler.compile(json);
        String machineName = stateMachineName != null ? stateMachineName : def.machineName();
        MockConfig mocks = null;
        if (mockConfig != null || testCase != null) {
            if (mockConfig == null || testCase == null) {
                System.err.println("stride: --mock-config and --test-case go together");
                return 2;
            }
            mocks = MockConfig.read(mockConfig);
            if (mocks.testCase(machineName, testCase).isEmpty()) {
                System.err.println("stride: " + TestCommand.noSuchCase(mocks, machineName, testCase));
                return 2;
            }
        }
        try (LocalSetup setup = new LocalSetup(config, machine, machineName, mocks)) {
            Engine engine = setup.engine;
            String smArn = setup.machineArn(machineName);
            String name = setup.executionName(smArn, machineName, testCase);
            String arn = engine.start(new StartRequest(machine, smArn, name, executionInput, express, null));
            Duration wait = timeoutSeconds > 0 ? Duration.ofSeconds(timeoutSeconds) : Duration.ofDays(3650);
            ExecutionView v = engine.await(arn, wait);
            List<HistoryEvent> events = engine.history(arn);
            if (format == Format.json) System.out.println(Json.write(jsonResult(v, events)));
            else new TextTrace(System.out).print(v, events, history);
            return v.status() == ExecutionStatus.SUCCEEDED ? 0 : 1;
        }
    }

    private JsonNode readInput() throws Exception {
        String text = "{}";
        if (input != null && input.json != null) text = input.json;
        if (input != null && input.file != null) {
            if (!Files.exists(input.file)) {
                System.err.println("stride: input file not found: " + input.file);
                return null;
            }
            text = Files.readString(input.file);
        }
        try {
            return Json.MAPPER.readTree(text);
        } catch (Exception e) {
            System.err.println("stride: the input is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
            return null;
        }
    }

    private int rejected(String message) {
        if (format == Format.json) {
            ObjectNode out = Json.NODES.objectNode();
            out.putObject("createError").put("code", "InvalidDefinition").put("message", message);
            System.out.println(Json.write(out));
        } else {
            System.out.println("InvalidDefinition: " + message);
        }
        return 2;
    }

    private ObjectNode jsonResult(ExecutionView v, List<HistoryEvent> events) {
        ObjectNode out = Json.NODES.objectNode();
        out.put("status", v.status().name());
        if (v.status() == ExecutionStatus.SUCCEEDED) out.set("output", v.output());
        if (v.error() != null) out.put("error", v.error());
        if (v.cause() != null) out.put("cause", v.cause());
        if (history) {
            long notKept = events.isEmpty() ? 0 : events.get(0).id() - 1;
            if (notKept > 0) out.put("eventsNotKept", notKept); // a long Express execution keeps its latest events only
            ArrayNode arr = out.putArray("events");
            for (HistoryEvent e : events) arr.add(e.toApiShape(true));
        }
        return out;
    }
}
