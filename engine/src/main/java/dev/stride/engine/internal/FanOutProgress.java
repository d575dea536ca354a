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
}
