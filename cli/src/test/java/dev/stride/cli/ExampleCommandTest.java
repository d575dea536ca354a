package dev.stride.cli;

import static dev.stride.cli.ExampleHarness.stride;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExampleCommandTest {
    @Test
    void listPrintsOneLinePerExampleWithHelloFirst() {
        ExampleHarness.Result r = stride("example", "--list");
        assertThat(r.exitCode()).isZero();
        assertThat(r.lines()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(r.lines().get(0)).startsWith("hello ");
        assertThat(r.lines()).anyMatch(l -> l.startsWith("table-to-fifo ")).anyMatch(l -> l.startsWith("approval-messages "))
                .anyMatch(l -> l.startsWith("batch-notify ")).anyMatch(l -> l.startsWith("container-notify "))
                .anyMatch(l -> l.startsWith("sequential-batch "));
        assertThat(r.lines()).allMatch(l -> l.matches("[a-z0-9-]+ +\\S.*\\."));
    }

    @Test
    void helloRunsOnAnEmbeddedServerAndShowsItsStatesAndResult() {
        ExampleHarness.Result r = stride("example", "hello");
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).contains("-> Greet (Pass)", "<- Measure ", "Result {\"greeting\":\"Hello, World!\",\"words\":2}",
                "ok: the greeting names the input's name");
        assertThat(r.lastLine()).isEqualTo("SUCCEEDED");
        assertThat(r.took()).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void anUnknownExampleIsAUsageError() {
        ExampleHarness.Result r = stride("example", "no-such-example");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.output()).contains("no example named no-such-example");
    }

    @Test
    void aFlagTheExampleDoesNotHaveIsAUsageError() {
        ExampleHarness.Result r = stride("example", "hello", "--reject");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.output()).contains("the example hello has no --reject");
    }
}
