package dev.stride.cli;

import dev.stride.asl.model.StateMachine;
import dev.stride.engine.Engine;
import dev.stride.integrations.Integrations;
import dev.stride.integrations.MockConfig;
import dev.stride.integrations.MockSelector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine `stride run` and `stride test` use: integrations from stride.yaml (the --config file,
 * else stride.yaml / stride.yml / stride.json in the working directory when present), the machine
 * itself registered for nested executions, and Step Functions Local mocks chosen per execution.
 */
final class LocalSetup implements AutoCloseable {
    static final String[] DEFAULT_CONFIGS = {"stride.yaml", "stride.yml", "stride.json"};

    final Integrations integrations;
    final Engine engine;
    private final Map<String, MockSelector.Ref> testCases = new ConcurrentHashMap<>();

    LocalSetup(Path config, StateMachine machine, String machineName, MockConfig mocks) {
        Integrations.Builder b = Integrations.builder().stateMachine(machineName, machine);
        Path file = config != null ? config : defaultConfig();
        if (file != null) b.config(file);
        if (mocks != null) b.mocks(mocks, MockSelector.byExecution(testCases));
        this.integrations = b.build();
        this.engine = integrations.register(Engine.builder()).build();
        integrations.bind(engine);
    }

    static Path defaultConfig() {
        for (String name : DEFAULT_CONFIGS) {
            Path p = Path.of(name);
            if (Files.isRegularFile(p)) return p;
        }
        return null;
    }

    /** A fresh execution name whose tasks run the given test case (null: none). */
    String executionName(String machineArn, String mockMachineName, String testCase) {
        String name = UUID.randomUUID().toString();
        if (testCase != null) {
            String machineName = machineArn.substring(machineArn.lastIndexOf(':') + 1);
            testCases.put("arn:aws:states:" + engine.region() + ":" + engine.account() + ":execution:" + machineName + ":" + name,
                    new MockSelector.Ref(mockMachineName, testCase));
        }
        return name;
    }

    String machineArn(String machineName) {
        return "arn:aws:states:" + engine.region() + ":" + engine.account() + ":stateMachine:" + machineName;
    }

    @Override
    public void close() {
        engine.close();
        integrations.close();
    }
}
