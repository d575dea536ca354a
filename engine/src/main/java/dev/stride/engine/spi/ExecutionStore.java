package dev.stride.engine.spi;

import dev.stride.engine.history.HistoryEvent;
import java.util.List;

/**
 * Durable home of executions. The engine calls {@link #write} from one committer thread with
 * batches of changes from many executions (group commit); it must apply a batch atomically and
 * durably (at least surviving a process crash) before returning. Implementations must not be
 * used by two engines at once.
 */
public interface ExecutionStore extends AutoCloseable {
    void write(List<ExecutionChange> batch);

    /**
     * Executions that were not final and not parked when last written: the engine resumes them on
     * start. Parked executions are found with {@link #parkedDueBefore} when their time comes.
     */
    List<StoredExecution> unfinished();

    /**
     * ARNs of unfinished executions last written parked ({@link ExecutionChange#wakeMillis} &gt; 0)
     * with a wake time at or before {@code millis}, earliest first, at most {@code limit}.
     */
    List<String> parkedDueBefore(long millis, int limit);

    /** One execution, or null. */
    StoredExecution find(String executionArn);

    /** Whether the store holds the execution (cheaper than {@link #find} where the store can say so). */
    default boolean exists(String executionArn) { return find(executionArn) != null; }

    /** Whether {@link #list} is implemented: the API then reads its lists of executions from here. */
    default boolean lists() { return false; }

    /**
     * A page of the executions the query selects, newest first. Stores that hold millions answer
     * from an index, without reading the others.
     */
    default java.util.List<ExecutionSummary> list(ExecutionQuery query) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot list executions");
    }

    /** The execution's history, oldest first. */
    List<HistoryEvent> history(String executionArn);

    /** Deletes final executions that stopped before the given time; returns how many. */
    int deleteFinishedBefore(long stopMillis);

    @Override
    void close();
}
