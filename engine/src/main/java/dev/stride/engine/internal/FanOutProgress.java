package dev.stride.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A Parallel or Map state's bookkeeping while its frame waits for its children. Kept out of
 * {@link Frame}: most frames never fan out, and the frame is a good part of a short execution's
 * memory. In a snapshot these fields sit in the frame's own object, as they always did.
 */
final class FanOutProgress {
    JsonNode[] childResults;
    JsonNode items;
    int launched;
    int running;
    int succeeded;
    int failedChildren;
    int maxConcurrency;
    long toleratedFailureCount = -1;
    double toleratedFailurePercentage = -1;
    /** The first error of a failed child, propagated as the parent's error. */
    String childError;
    String childCause;
    /** Id of the last MapIteration{Succeeded,Failed} event (MapStateSucceeded points to it). */
    int lastIterationEventId;

    // ---- a distributed Map's run ----
    String mapRunArn;
    /** The items came from an ItemReader: not saved (a resumed run reads them again), hence transient. */
    boolean fromReader;
    transient JsonNode readItems;
    /** Items are ItemBatcher batches (the ItemSelector already applied to each item). */
    boolean batched;
    /** Per child execution: when it started and stopped (epoch ms), for the result files. */
    long[] childStart;
    long[] childStop;
    /** Children that failed (their result is {Error, Cause}). */
    java.util.BitSet failedItems;
    /** The children are Express executions (in memory only; launched again if the parent resumes from the store). */
    boolean expressChildren;
    /**
     * This engine started (or found) the launched children: false in an execution loaded from
     * the store, whose children must be looked up again before anything else.
     */
    transient boolean attached;
    /** Items launched before a redrive whose children must run again (failed, aborted, or never ended). */
    java.util.BitSet rerun;
    int redriveCount;
}
