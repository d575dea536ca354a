package dev.stride.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void readsPassThroughServicesWithEnvironmentCredentialsAndDefaults() {
        StrideConfig c = StrideConfig.parse("""
            services:
              sqs:
                passThrough:
                  endpoint: https://sqs.eu-west-1.amazonaws.com
                  region: eu-west-1
                  accessKeyId: ${AWS_ACCESS_KEY_ID}
                  secretAccessKey: ${AWS_SECRET_ACCESS_KEY}
                  sessionToken: ${AWS_SESSION_TOKEN:-}
              sns: {passThrough: {region: us-east-1}}
              dynamodb: {}
            """, base, Map.of("AWS_ACCESS_KEY_ID", "AKIA1", "AWS_SECRET_ACCESS_KEY", "s3cret")::get);
        assertThat(c.passThrough()).containsOnlyKeys("sqs", "sns");
        assertThat(c.passThrough().get("sqs")).isEqualTo(new PassThrough(URI.create("https://sqs.eu-west-1.amazonaws.com"), "eu-west-1",
                "AKIA1", "s3cret", null));
        // no endpoint: AWS's regional one; no keys: the SDK's default credentials chain
        assertThat(c.passThrough().get("sns")).isEqualTo(new PassThrough(null, "us-east-1", null, null, null));
        assertThat(c.passThrough().get("sqs").toString()).doesNotContain("s3cret");
    }

    @Test
    void passThroughProblemsNameTheField() {
        assertThatThrownBy(() -> StrideConfig.parse("services: {sqs: {passThrough: {endpoint: 'http://x'}}}", base, k -> null))
                .hasMessage("services.sqs.passThrough.region: expected a non-empty string, got nothing");
        assertThatThrownBy(() -> StrideConfig.parse("services: {sqs: {passThrough: {region: r, endpoint: 'localhost:4566'}}}", base, k -> null))
                .hasMessage("services.sqs.passThrough.endpoint: expected an http(s) URL such as https://sqs.eu-west-1.amazonaws.com, got localhost:4566");
        assertThatThrownBy(() -> StrideConfig.parse("services: {sqs: {passThrough: {region: r, endpoint: 'http://a b'}}}", base, k -> null))
                .hasMessageStartingWith("services.sqs.passThrough.endpoint: expected an http(s) URL");
        assertThatThrownBy(() -> StrideConfig.parse("services: {sqs: {passThrough: {region: r, accessKeyId: k}}}", base, k -> null))
                .hasMessage("services.sqs.passThrough: give accessKeyId and secretAccessKey together"
                        + " (or neither, for the AWS SDK's default credentials chain)");
        assertThatThrownBy(() -> StrideConfig.parse("services: {sqs: {passThrough: {region: r, sessionToken: t}}}", base, k -> null))
                .hasMessage("services.sqs.passThrough.sessionToken: goes with accessKeyId and secretAccessKey");
        assertThatThrownBy(() -> StrideConfig.parse("services: {sqs: {passThrough: {region: r, accesKeyId: k}}}", base, k -> null))
                .hasMessage("services.sqs.passThrough.accesKeyId: unknown field (expected accessKeyId, endpoint, region, secretAccessKey, sessionToken)");
        assertThatThrownBy(() -> StrideConfig.parse("services: {sqs: {passthrough: {region: r}}}", base, k -> null))
                .hasMessage("services.sqs.passthrough: unknown field (expected passThrough)");
        assertThatThrownBy(() -> StrideConfig.parse("services: {sqs: on}", base, k -> null))
                .hasMessage("services.sqs: expected a mapping, got true");
        assertThatThrownBy(() -> StrideConfig.parse("services: {sqs: {passThrough: {region: '${REGION}'}}}", base, k -> null))
                .hasMessage("services.sqs.passThrough.region: environment variable REGION is not set");
    }

    @Test
    void aProblemInTheFileIsReportedWithTheFilesName(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("stride.yaml");
        Files.writeString(file, "services: {sqs: {passThrough: {endpoint: 'http://x'}}}");
        assertThatThrownBy(() -> StrideConfig.read(file))
                .hasMessage(file + ": services.sqs.passThrough.region: expected a non-empty string, got nothing");
    }
}
