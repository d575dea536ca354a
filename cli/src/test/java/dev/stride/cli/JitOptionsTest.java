package dev.stride.cli;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * scripts/jit.options names methods by their binary names; the JVM ignores a name that matches
 * nothing (the file asks it to be quiet), so a rename would silently undo the tuning.
 */
class JitOptionsTest {
    private static final Pattern DONT_INLINE = Pattern.compile("-XX:CompileCommand=dontinline,([\\w.$]+)::(\\w+)");

    @Test
    void everyMethodTheJitOptionsNameExists() throws Exception {
        Path options = Path.of("..", "scripts", "jit.options");
        List<String> named = new ArrayList<>();
        for (String line : Files.readAllLines(options)) {
            Matcher m = DONT_INLINE.matcher(line.strip());
            if (!m.matches()) continue;
            Class<?> type = Class.forName(m.group(1));
            String method = m.group(2);
            assertThat(Arrays.stream(type.getDeclaredMethods()).map(Method::getName))
                    .as("%s in %s", method, options).contains(method);
            named.add(m.group(1) + "::" + method);
        }
        assertThat(named).as("dontinline lines in " + options).hasSizeGreaterThan(5);
    }
}
