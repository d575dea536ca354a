package dev.stride.service.sqs.internal;

import dev.stride.service.WriteJournal;
import java.util.function.LongSupplier;

/** What every action needs: the queues, the journal that makes changes durable, the clock. */
record Context(Queues queues, WriteJournal journal, LongSupplier clock) {
    long now() { return clock.getAsLong(); }
}
