package dev.stride.engine.internal;

import dev.stride.engine.history.HistoryEvent;

/** A frequent kind of event: its type, the member its details go under, and how they are built. */
record EventKind(String type, String detailsKey, HistoryEvent.Shape shape) {}
