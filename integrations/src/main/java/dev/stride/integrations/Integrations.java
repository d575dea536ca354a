package dev.stride.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.asl.compile.DefinitionCompiler;
import dev.stride.asl.model.StateMachine;
import dev.stride.asl.read.DefinitionReader;
import dev.stride.engine.Engine;
import dev.stride.engine.spi.TaskIntegration;
import dev.stride.integrations.internal.CommandFunction;
import dev.stride.integrations.internal.HttpFunction;
import dev.stride.service.AwsService;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The integrations module's facade: builds the Task integrations from a {@code stride.yaml}
 * ({@link StrideConfig}) and code, optionally behind Step Functions Local mocks.
 * <pre>
 * Integrations integrations = Integrations.builder().config(Path.of("stride.yaml")).build();
 * Engine engine = integrations.register(Engine.builder()).build();
 * integrations.bind(engine); // nested executions start children in this engine
 * </pre>
 */
public final class Integrations implements AutoCloseable {
    private final List<TaskIntegration> integrations;
    private final List<TaskIntegration> real;
    private final StartExecutionIntegration nested;
    private final LambdaIntegration functions;
    private final MockIntegration mocks;

    private Integrations(List<TaskIntegration> integrations, List<TaskIntegration> real, StartExecutionIntegration nested,
                         LambdaIntegration functions, MockIntegration mocks) {
        this.integrations = List.copyOf(integrations);
        this.real = List.copyOf(real);
        this.nested = nested;
        this.functions = functions;
        this.mocks = mocks;
    }

    public static Builder builder() { return new Builder(); }

    /** The integrations a config file describes (functions, connections, state machines for nesting; bind nesting yourself). */
    public static List<TaskIntegration> fromConfig(Path file) { return builder().config(file).build().list(); }

    /** In the order the engine should try them (a mock integration, when present, is the only one). */
    public List<TaskIntegration> list() { return integrations; }

    /** Adds these integrations to an engine under construction. */
    public Engine.Builder register(Engine.Builder engine) {
        integrations.forEach(engine::integration);
        return engine;
    }

    /** Gives nested executions the engine to start children in; call once it is built. */
    public Integrations bind(Engine engine) {
        nested.bind(engine);
        return this;
    }

    /** The mock integration, when mocks were configured. */
    public java.util.Optional<MockIntegration> mocks() { return java.util.Optional.ofNullable(mocks); }

    public StartExecutionIntegration nestedExecutions() { return nested; }

    /**
     * Invokes one of the functions Task states run, asynchronously ({@code Event}), for callers
     * that are not Task states: SNS's lambda subscriptions. Mocks do not apply.
     *
     * @param function a name, {@code name:qualifier} or function ARN
     * @throws IllegalArgumentException when no such function is configured
     * @see LambdaIntegration#invokeEvent
     */
    public void invokeEvent(String function, JsonNode event) { functions.invokeEvent(function, event); }

    @Override
    public void close() {
        for (TaskIntegration i : real) closeQuietly(i);
    }

    private static void closeQuietly(TaskIntegration i) {
        if (i instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception ignored) {
                // best effort
            }
        }
    }

    /** Collects functions, connections, state machines and mocks; later settings win over earlier ones. */
    public static final class Builder {
        private final Map<String, LocalFunction> functions = new LinkedHashMap<>();
        private final Map<String, Connection> connections = new LinkedHashMap<>();
        private final Map<String, StateMachine> machines = new ConcurrentHashMap<>();
        private final List<TaskIntegration> extra = new ArrayList<>();
        private final Map<String, AwsService> awsServices = new LinkedHashMap<>();
        private String endpoint = "http://localhost:8083";
        private Function<String, StateMachine> machineResolver;
        private MockConfig mockConfig;
        private MockSelector mockSelector;
        private String region = "us-east-1";
        private String account = "123456789012";
        private ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
        private final dev.stride.integrations.internal.LazyHttpClient functionClient =
                new dev.stride.integrations.internal.LazyHttpClient(HttpClient::newHttpClient);

        public Builder config(Path file) { return config(StrideConfig.read(file)); }

        public Builder config(StrideConfig config) {
            config.functions().forEach((name, spec) -> functions.put(name, function(name, spec)));
            connections.putAll(config.connections());
            config.stateMachines().forEach((name, path) -> stateMachine(name, compile(path)));
            return this;
        }

        public Builder function(String nameOrArn, LocalFunction function) {
            functions.put(nameOrArn, function);
            return this;
        }

        public Builder connection(String connectionArn, Connection connection) {
            connections.put(connectionArn, connection);
            return this;
        }

        /** A state machine nested executions may start, by ARN or by name (the ARN's last part). */
        public Builder stateMachine(String arnOrName, StateMachine machine) {
            machines.put(arnOrName, machine);
            return this;
        }

        /** Where nested executions find state machines not registered by name (the API's registry). */
        public Builder stateMachines(Function<String, StateMachine> resolver) {
            this.machineResolver = resolver;
            return this;
        }

        /** Answers the selected executions' mocked states from a Step Functions Local mock config. */
        public Builder mocks(MockConfig config, MockSelector selector) {
            this.mockConfig = config;
            this.mockSelector = selector;
            return this;
        }

        /**
         * Local AWS services Task states call in-process ({@code sqs:sendMessage}, {@code sns:publish},
         * {@code aws-sdk:<name>:<action>}), by the name resource ARNs use; {@code endpoint} is the
         * server's base URL, for the addresses services hand out.
         */
        public Builder awsServices(Map<String, AwsService> services, String endpoint) {
            awsServices.putAll(services);
            this.endpoint = endpoint;
            return this;
        }

        /** Another integration, tried after the built-in ones. */
        public Builder integration(TaskIntegration integration) {
            extra.add(integration);
            return this;
        }

        public Builder region(String region) {
            this.region = region;
            return this;
        }

        public Builder account(String account) {
            this.account = account;
            return this;
        }

        /** Where {@code class:} functions are loaded from. */
        public Builder classLoader(ClassLoader loader) {
            this.classLoader = loader;
            return this;
        }

        public Integrations build() {
            StartExecutionIntegration nested = new StartExecutionIntegration(this::resolve);
            List<TaskIntegration> real = new ArrayList<>();
            LambdaIntegration lambda = new LambdaIntegration(functions, region, account);
            real.add(lambda);
            real.add(new HttpInvokeIntegration(connections, region));
            real.add(nested);
            if (!awsServices.isEmpty()) real.add(new AwsServiceIntegration(awsServices, region, account, endpoint));
            real.addAll(extra);
            if (mockConfig == null) return new Integrations(real, real, nested, lambda, null);
            MockIntegration mock = new MockIntegration(mockConfig, mockSelector, real);
            return new Integrations(List.of(mock), real, nested, lambda, mock);
        }

        private StateMachine resolve(String arn) {
            StateMachine m = machines.get(arn);
            if (m == null) m = machines.get(arn.substring(arn.lastIndexOf(':') + 1));
            if (m == null && machineResolver != null) m = machineResolver.apply(arn);
            return m;
        }

        private LocalFunction function(String name, FunctionSpec spec) {
            return switch (spec) {
                case FunctionSpec.Http h -> new HttpFunction(h, functionClient);
                case FunctionSpec.Command c -> new CommandFunction(c);
                case FunctionSpec.JavaClass j -> instantiate(name, j.className());
            };
        }

        private LocalFunction instantiate(String name, String className) {
            try {
                Class<?> c = Class.forName(className, true, classLoader);
                if (!LocalFunction.class.isAssignableFrom(c)) {
                    throw new IllegalArgumentException("functions." + name + ".class: " + className + " does not implement " + LocalFunction.class.getName());
                }
                return (LocalFunction) c.getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException("functions." + name + ".class: cannot create " + className + ": " + e, e);
            }
        }

        private static StateMachine compile(Path path) {
            try {
                return DefinitionCompiler.compile(DefinitionReader.read(Files.readString(path)));
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read state machine definition " + path + ": " + e.getMessage(), e);
            }
        }
    }
}
