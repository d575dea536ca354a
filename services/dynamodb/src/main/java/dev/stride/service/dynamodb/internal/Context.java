package dev.stride.service.dynamodb.internal;

import dev.stride.service.WriteJournal;
import java.util.function.LongSupplier;

/** What every action needs: the tables, the journal that makes changes durable, stored replies, the clock. */
record Context(Tables tables, WriteJournal journal, Idempotency idempotency, ClientTokens tokens, LongSupplier clock) {
    long now() { return clock.getAsLong(); }
}
