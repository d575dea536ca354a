package dev.stride.service.compute;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What to run for one job attempt or one container: its argv (run as is, no shell, so only what
 * a registered definition or its override says runs), its whole environment, and the folder it
 * runs in.
 *
 * @param image the container image the definition names, for a container runtime; ignored when run as a process
 */
public record ProcessSpec(String id, List<String> command, Map<String, String> environment, Path workDir, String image) {
    public ProcessSpec {
        if (command == null || command.isEmpty()) throw new IllegalArgumentException("a process needs a command");
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }
}
