package dev.stride.engine;

/**
 * A distributed Map Run's live counts and the settings UpdateMapRun may change while it runs.
 * Written by the engine thread driving the parent execution, read by API threads (a snapshot
 * of a moving run, each number exact when read). Kept in memory: after a restart the Map Run API
 * derives what it shows from the history.
 */
public final class MapRunProgress {
    public volatile long total;
    public volatile long running;
    public volatile long succeeded;
    public volatile long failed;
    public volatile long aborted;
    public volatile long resultsWritten;
    public volatile boolean over;
    /** UpdateMapRun's values; null/negative when not given (the definition's apply). */
    public volatile Integer maxConcurrency;
    public volatile Double toleratedFailurePercentage;
    public volatile Long toleratedFailureCount;

    public long pending() { return Math.max(0, total - running - succeeded - failed - aborted); }
}
