package dev.stride.service.compute;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * How jobs and containers run on this machine.
 *
 * @param workRoot        each run gets a folder under it ({@code <data>/compute/batch/<job id>/<attempt>})
 * @param endpoint        Stride's endpoint, given to each process as {@code AWS_ENDPOINT_URL} so its own AWS calls come back here
 * @param outputCapBytes  the most output kept per run (stdout and stderr together)
 * @param graceMillis     between SIGTERM and SIGKILL when a run is stopped
 * @param runtime         runs a definition's image in a container; null runs the command as a local process
 */
public record ComputeSettings(Path workRoot, String endpoint, String region, String accessKeyId, String secretAccessKey,
                              long outputCapBytes, long graceMillis, ContainerRuntime runtime) {
    public static final long DEFAULT_OUTPUT_CAP = 8L * 1024 * 1024;

    public ComputeSettings(Path workRoot, String endpoint, String region, String accessKeyId, String secretAccessKey, long outputCapBytes, long graceMillis) {
        this(workRoot, endpoint, region, accessKeyId, secretAccessKey, outputCapBytes, graceMillis, null);
    }

    public static ComputeSettings of(Path workRoot, String endpoint, String region) {
        return new ComputeSettings(workRoot, endpoint, region, "test", "test", DEFAULT_OUTPUT_CAP, 2_000);
    }

    public ComputeSettings withCredentials(String accessKeyId, String secretAccessKey) {
        return new ComputeSettings(workRoot, endpoint, region, accessKeyId, secretAccessKey, outputCapBytes, graceMillis, runtime);
    }

    /** Runs images with {@code docker} or {@code podman} when that engine answers; else keeps local processes. */
    public ComputeSettings withContainerRuntime(String program) {
        if (program == null || program.isBlank() || program.equals("process")) return this;
        return new ComputeSettings(workRoot, endpoint, region, accessKeyId, secretAccessKey, outputCapBytes, graceMillis, ContainerRuntime.detect(program));
    }

    /** Starts a run: in a container when a runtime is set and the definition names an image, else as a local process. */
    public LocalProcess start(ProcessSpec spec, OutputSink sink, LongSupplier clock) throws IOException {
        if (runtime == null || spec.image() == null || spec.image().isEmpty()) return LocalProcess.start(spec, sink, outputCapBytes, clock);
        return runtime.start(spec, sink, outputCapBytes, clock);
    }

    /**
     * The environment every run starts from: the server's own (so PATH finds sh, curl, aws), less
     * any AWS settings of the server's user, plus the endpoint, region and keys that point the
     * run's AWS CLI and SDKs at Stride. The definition's variables are laid over this.
     */
    public Map<String, String> baseEnvironment(String region) {
        Map<String, String> env = new LinkedHashMap<>();
        System.getenv().forEach((k, v) -> {
            if (!k.startsWith("AWS_")) env.put(k, v);
        });
        String r = region == null ? this.region : region;
        env.put("AWS_ENDPOINT_URL", endpoint);
        env.put("AWS_REGION", r);
        env.put("AWS_DEFAULT_REGION", r);
        env.put("AWS_ACCESS_KEY_ID", accessKeyId);
        env.put("AWS_SECRET_ACCESS_KEY", secretAccessKey);
        return env;
    }
}
