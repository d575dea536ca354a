package dev.stride.service.compute.internal;

import dev.stride.service.compute.OutputSink;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Reads one output stream of a process line by line into a sink, up to a byte budget shared by
 * stdout and stderr: a job that prints without end must not fill the disk or the heap, so past
 * the budget one notice is written and the rest is read and dropped (the process must not block
 * on a full pipe).
 */
public final class OutputPump {
    private OutputPump() {}

    public static Thread start(String name, InputStream in, OutputSink sink, AtomicLong budget, LongSupplier clock) {
        return Thread.ofVirtual().name(name).start(() -> pump(in, sink, budget, clock));
    }

    private static void pump(InputStream in, OutputSink sink, AtomicLong budget, LongSupplier clock) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                long left = budget.addAndGet(-(line.length() + 1L));
                if (left >= 0) {
                    sink.line(clock.getAsLong(), line);
                } else if (left + line.length() + 1 >= 0) {
                    sink.line(clock.getAsLong(), "[stride: output truncated: the log limit was reached]");
                }
            }
        } catch (IOException e) {
            // the process was killed and its pipe closed: nothing more to read
        }
    }
}
