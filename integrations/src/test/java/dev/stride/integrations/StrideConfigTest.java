package dev.stride.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StrideConfigTest {
    final Path base = Path.of("/project");

    @Test
    void readsFunctionsConnectionsAndStateMachinesWithEnvironmentValues() {
        StrideConfig c = StrideConfig.parse("""
            functions:
              orders: {http: "http://localhost:9000/2015-03-31/functions/function/invocations"}
              resize: {command: [python3, resize.py], env: {MODE: fast}, dir: fn}
              shell: {command: "cat"}
              greeter: {class: com.example.Greeter}
            connections:
              arn:aws:events:us-east-1:123456789012:connection/a/1:
                apiKey: {name: x-api-key, value: "${API_KEY}"}
                headers: {X-Team: core}
              arn:aws:events:us-east-1:123456789012:connection/b/2:
                oauth: {tokenUrl: "http://idp/token", clientId: c, clientSecret: s, scopes: "read write"}
            stateMachines:
              Child: child.asl.json
            """, base, Map.of("API_KEY", "k-1")::get);
        assertThat(c.functions().get("orders")).isInstanceOf(FunctionSpec.Http.class);
        assertThat(c.functions().get("resize")).isEqualTo(new FunctionSpec.Command(List.of("python3", "resize.py"), Map.of("MODE", "fast"), base.resolve("fn")));
        assertThat(((FunctionSpec.Command) c.functions().get("shell")).argv()).containsExactly("sh", "-c", "cat");
        assertThat(c.functions().get("greeter")).isEqualTo(new FunctionSpec.JavaClass("com.example.Greeter"));
        Connection a = c.connections().get("arn:aws:events:us-east-1:123456789012:connection/a/1");
        assertThat(a.authorization()).isEqualTo(new Connection.ApiKey("x-api-key", "k-1"));
        assertThat(a.headers()).containsEntry("X-Team", "core");
        assertThat(((Connection.OAuth) c.connections().get("arn:aws:events:us-east-1:123456789012:connection/b/2").authorization()).scopes())
                .containsExactly("read", "write");
        assertThat(c.stateMachines()).containsEntry("Child", base.resolve("child.asl.json"));
    }

    @Test
    void jsonWorksToo() {
        StrideConfig c = StrideConfig.parse("{\"functions\": {\"f\": {\"command\": [\"cat\"]}}}", base, k -> null);
        assertThat(c.functions()).containsKey("f");
    }

    @Test
    void problemsNameTheField() {
        assertThatThrownBy(() -> StrideConfig.parse("functions: {f: {http: x, command: [a]}}", base, k -> null))
                .hasMessage("functions.f: give exactly one of http, command, class");
        assertThatThrownBy(() -> StrideConfig.parse("connections: {c: {basic: {username: u}}}", base, k -> null))
                .hasMessage("connections.c.basic.password: expected a non-empty string, got nothing");
        assertThatThrownBy(() -> StrideConfig.parse("connections: {c: {apiKey: {name: n, value: '${NOPE}'}}}", base, k -> null))
                .hasMessage("connections.c.apiKey.value: environment variable NOPE is not set");
    }
}
