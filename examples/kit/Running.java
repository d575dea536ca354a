package dev.stride.examples;

/** The execution while it runs, as {@link Example#alongside} sees it. */
public interface Running {
    String executionArn();

    /** True once the execution has reached a final status. */
    boolean ended();
}
