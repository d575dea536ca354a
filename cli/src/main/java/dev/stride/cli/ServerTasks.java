package dev.stride.cli;

import dev.stride.api.ServerConfig;
import dev.stride.api.TaskSetup;
import dev.stride.asl.model.StateMachine;
import dev.stride.engine.Engine;
import dev.stride.engine.spi.TaskIntegration;
import dev.stride.integrations.Integrations;
import dev.stride.service.AwsService;
import dev.stride.integrations.MockConfig;
import dev.stride.integrations.MockSelector;
import dev.stride.integrations.StrideConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The server's Task integrations: local functions and HTTP connections from stride.yaml, nested
 * executions of the server's own state machines, the server's services in-process, and (with a
 * mock file) Step Functions Local test cases chosen by StartExecution's {@code stateMachineArn#TestCase}.
 * Once built, the functions are handed to SNS's lambda subscriptions too.
 */
final class ServerTasks implements TaskSetup {
    private final StrideConfig config;
    private final MockConfig mocks;
    private final String region;
    private final String account;
    private final Map<String, MockSelector.Ref> testCases = new ConcurrentHashMap<>();
    private final Map<String, AwsService> services;
    private final String endpoint;
    private final ConfiguredFunctions functions;
    private Integrations integrations;

    ServerTasks(Path config, Path mockConfig, String region, String account) {
        this(config == null ? StrideConfig.empty() : StrideConfig.read(config), mockConfig, region, account, Map.of(),
                "http://localhost:" + ServerConfig.DEFAULT_PORT, new ConfiguredFunctions());
    }

    /**
     * @param services  the services Task states call in-process, by resource name (sqs, sns)
     * @param functions bound to the built integrations' functions, for SNS's lambda subscriptions
     */
    ServerTasks(StrideConfig config, Path mockConfig, String region, String account, Map<String, AwsService> services, String endpoint,
                ConfiguredFunctions functions) {
        this.config = config;
        this.mocks = mockConfig == null ? null : MockConfig.read(mockConfig);
        this.region = region;
        this.account = account;
        this.services = Map.copyOf(services);
        this.endpoint = endpoint;
        this.functions = functions;
    }

    @Override
    public List<TaskIntegration> integrations(Function<String, StateMachine> stateMachines) {
        Integrations.Builder b = Integrations.builder().stateMachines(stateMachines).region(region).account(account)
                .awsServices(services, endpoint).config(config);
        if (mocks != null) b.mocks(mocks, MockSelector.byExecution(testCases));
        integrations = b.build();
        functions.bind(integrations);
        return integrations.list();
    }

    @Override
    public void engineReady(Engine engine) { integrations.bind(engine); }

    @Override
    public dev.stride.engine.spi.ObjectStorage objectStorage() {
        AwsService s3 = services.get("s3");
        return s3 == null ? null : new S3ObjectStorage(s3, region, account);
    }

    @Override
    public boolean useTestCase(String executionArn, String stateMachineName, String testCase) {
        if (mocks == null || mocks.testCase(stateMachineName, testCase).isEmpty()) return false;
        testCases.put(executionArn, new MockSelector.Ref(stateMachineName, testCase));
        return true;
    }
}
