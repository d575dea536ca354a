package dev.stride.service.compute;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerRuntimeTest {
    @Test
    void anEngineThatDoesNotAnswerLeavesRunsAsProcesses() {
        assertThat(ContainerRuntime.detect("stride-no-such-container-engine")).isNull();
        ComputeSettings s = ComputeSettings.of(Path.of("/tmp/w"), "http://localhost:1", "us-east-1").withContainerRuntime("stride-no-such-container-engine");
        assertThat(s.runtime()).isNull();
    }

    @Test
    void theContainerSharesTheHostNetworkAndGetsOnlyTheRunsVariables() {
        ProcessSpec spec = new ProcessSpec("batch-j1", List.of("echo", "hi"),
                Map.of("AWS_ENDPOINT_URL", "http://localhost:1", "JOB_VAR", "x-" + System.nanoTime(), "PATH", System.getenv("PATH")), Path.of("/tmp/w/j1"), "busybox");
        List<String> argv = new ContainerRuntime("docker").command(spec);
        assertThat(argv).startsWith("docker", "run", "--rm", "--init", "--name", "stride-batch-j1", "--network", "host", "-v", "/tmp/w/j1:/work", "-w", "/work");
        assertThat(argv).contains("AWS_ENDPOINT_URL", "JOB_VAR").doesNotContain("PATH");
        assertThat(argv.subList(argv.size() - 3, argv.size())).containsExactly("busybox", "echo", "hi");
    }
}
