package dev.stride.engine;

/**
 * A distributed Map Run's live counts and the settings UpdateMapRun may change while it runs.
 * Written by the engine thread driving the parent execution, read by API threads (a snapshot
 * of a moving run, each number exact when read). Kept in memory; a parent resumed after a restart
 * rebuilds it from its snapshot as it finds its children again.
 */
public final class MapRunProgress {
    public volatile long total;
    public volatile long running;
    public volatile long succeeded;
    public volatile long failed;
    public volatile long aborted;
    public volatile long resultsWritten;
    public volatile boolean over;
    /** Children started so far, in item order: item i's child is the i-th launched. */
    public volatile long launched;
    /** The child executions' state machine ({@code ...:stateMachine:MACHINE/LABEL}) and kind. */
    public volatile String childMachineArn;
    public volatile boolean expressChildren;
    /** The parent execution running the Map. */
    public volatile String executionArn;
    /** UpdateMapRun's values; null/negative when not given (the definition's apply). */
    public volatile Integer maxConcurrency;
    public volatile Double toleratedFailurePercentage;
    public volatile Long toleratedFailureCount;

    public long pending() { return Math.max(0, total - running - succeeded - failed - aborted); }
}
