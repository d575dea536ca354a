package dev.stride.service.logs.internal;

import java.util.ArrayList;
import java.util.List;

/** One log stream: its events in timestamp order (a late, older event is put in its place). */
final class LogStream {
    record Event(long timestamp, String message, long ingestion, long seq) {}

    final String name;
    final long createdAt;
    final List<Event> events = new ArrayList<>();
    long nextSeq;
    long storedBytes;
    long lastIngestion;

    LogStream(String name, long createdAt) {
        this.name = name;
        this.createdAt = createdAt;
    }

    void add(Event e) {
        int i = events.size();
        while (i > 0 && events.get(i - 1).timestamp() > e.timestamp()) i--;
        events.add(i, e);
        nextSeq = Math.max(nextSeq, e.seq() + 1);
        storedBytes += e.message().length();
        lastIngestion = Math.max(lastIngestion, e.ingestion());
    }

    /** Events with startTime <= timestamp < endTime (null: unbounded). */
    List<Event> between(Long startTime, Long endTime) {
        if (startTime == null && endTime == null) return events;
        List<Event> out = new ArrayList<>();
        for (Event e : events) {
            if (startTime != null && e.timestamp() < startTime) continue;
            if (endTime != null && e.timestamp() >= endTime) continue;
            out.add(e);
        }
        return out;
    }
}
