package dev.stride.service.compute;

/** Where a process's output lines go (a CloudWatch Logs stream). Called from the process's reader threads. */
public interface OutputSink extends AutoCloseable {
    void line(long timestampMillis, String text);

    /** The process ended and its output is read to the end: write what is buffered. */
    @Override
    void close();

    OutputSink DISCARD = new OutputSink() {
        @Override
        public void line(long timestampMillis, String text) {}

        @Override
        public void close() {}
    };
}
