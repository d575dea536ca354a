package dev.stride.service.compute;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalProcessTest {
    @TempDir Path work;

    static final class Lines implements OutputSink {
        final List<String> got = new CopyOnWriteArrayList<>();
        volatile boolean closed;

        @Override
        public void line(long timestampMillis, String text) { got.add(text); }

        @Override
        public void close() { closed = true; }
    }

    ProcessSpec spec(String script) { return new ProcessSpec("t", List.of("sh", "-c", script), Map.of("PATH", System.getenv("PATH"), "WHO", "me"), work.resolve("run"), null); }

    @Test
    void outputIsShippedBeforeTheExitIsReported() throws Exception {
        Lines lines = new Lines();
        LocalProcess p = LocalProcess.start(spec("echo hi $WHO; echo err >&2; pwd; exit 4"), lines, 1 << 20, System::currentTimeMillis);
        assertThat(p.exit().get(10, TimeUnit.SECONDS)).isEqualTo(4);
        assertThat(lines.closed).isTrue();
        assertThat(lines.got).contains("hi me", "err", work.resolve("run").toString());
    }

    @Test
    void outputBeyondTheCapIsDroppedWithOneNotice() throws Exception {
        Lines lines = new Lines();
        LocalProcess p = LocalProcess.start(spec("i=0; while [ $i -lt 100 ]; do echo 0123456789; i=$((i+1)); done"), lines, 55, System::currentTimeMillis);
        p.exit().get(10, TimeUnit.SECONDS);
        assertThat(lines.got).hasSize(6).last().asString().contains("truncated");
    }

    @Test
    void stopKillsTheWholeProcessTree() throws Exception {
        Path pid = work.resolve("child.pid");
        LocalProcess p = LocalProcess.start(spec("sleep 60 & echo $! > " + pid + "; wait"), OutputSink.DISCARD, 1 << 20, System::currentTimeMillis);
        for (int i = 0; i < 300 && !(Files.exists(pid) && !Files.readString(pid).isBlank()); i++) Thread.sleep(10);
        long child = Long.parseLong(Files.readString(pid).trim());
        p.stop(500);
        p.exit().get(10, TimeUnit.SECONDS);
        for (int i = 0; i < 200 && ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false); i++) Thread.sleep(10);
        assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void theBaseEnvironmentPointsAwsClientsAtStride() {
        Map<String, String> env = ComputeSettings.of(work, "http://localhost:9", "eu-west-1").baseEnvironment(null);
        assertThat(env).containsEntry("AWS_ENDPOINT_URL", "http://localhost:9").containsEntry("AWS_REGION", "eu-west-1")
                .containsEntry("AWS_DEFAULT_REGION", "eu-west-1").containsEntry("AWS_ACCESS_KEY_ID", "test").containsEntry("AWS_SECRET_ACCESS_KEY", "test");
    }
}
