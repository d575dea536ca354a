package dev.stride.service.sns.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.engine.spi.RecordStore;
import dev.stride.engine.spi.RecordStore.Write;
import dev.stride.service.JsonProtocol;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * FIFO topics' five-minute deduplication window and their sequence numbers.
 *
 * <p>An entry is reserved in memory before its record is committed, so a repeat that arrives
 * meanwhile is answered with the first message's id rather than published twice. Expired
 * entries leave in insertion order (the clock only moves forward), their deletes riding along
 * with the next FIFO publish's commit.
 *
 * <p>Sequence numbers need no record of their own: each is at least the clock in milliseconds
 * times a million, so they keep growing across restarts, and within one millisecond they count up.
 */
public final class FifoDeduplication {
    static final long WINDOW_MILLIS = 5 * 60 * 1000;

    /** The first message of a deduplication id. */
    public record Entry(String key, String messageId, String sequenceNumber, long expiresAt) {}

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final Queue<Entry> byExpiry = new ConcurrentLinkedQueue<>();
    private final AtomicLong lastSequence = new AtomicLong();

    public void load(RecordStore store, long now) {
        store.scan(Tables.DEDUP, (key, json) -> {
            JsonNode o = StoredRecords.parse(json);
            Entry e = new Entry(key, o.get("messageId").asText(), Params.text(o, "sequenceNumber"), o.get("expiresAt").asLong());
            if (e.expiresAt() > now) entries.put(key, e);
        });
        entries.values().stream().sorted((a, b) -> Long.compare(a.expiresAt(), b.expiresAt())).forEach(byExpiry::add);
    }

    public static String key(String topicArn, String deduplicationId) { return topicArn + " " + deduplicationId; }

    /** The live entry of a key, else the given one, now reserved. */
    public Entry reserve(Entry candidate, long now) {
        Entry existing = entries.get(candidate.key());
        if (existing != null && existing.expiresAt() > now) return existing;
        if (existing != null) entries.remove(candidate.key(), existing);
        Entry won = entries.putIfAbsent(candidate.key(), candidate);
        if (won != null) return won;
        byExpiry.add(candidate);
        return candidate;
    }

    /** Forgets a reservation whose commit failed. */
    public void release(Entry e) { entries.remove(e.key(), e); }

    public static Write record(Entry e) {
        String json = JsonProtocol.MAPPER.createObjectNode().put("messageId", e.messageId())
                .put("sequenceNumber", e.sequenceNumber()).put("expiresAt", e.expiresAt()).toString();
        return Write.put(Tables.DEDUP, e.key(), json);
    }

    /** Deletes of the entries whose window has passed, now dropped from memory. */
    public List<Write> expire(long now) {
        List<Write> out = new ArrayList<>(0);
        for (Entry head = byExpiry.peek(); head != null && head.expiresAt() <= now; head = byExpiry.peek()) {
            if (!byExpiry.remove(head)) continue;
            if (entries.remove(head.key(), head)) out.add(Write.delete(Tables.DEDUP, head.key()));
        }
        return out;
    }

    public String nextSequenceNumber(long now) {
        long floor = now * 1_000_000L;
        long n = lastSequence.updateAndGet(last -> Math.max(last + 1, floor));
        return String.format("%020d", n);
    }

    /** The id content-based deduplication uses: the SHA-256 of the message body, in hex. */
    public static String contentId(String message) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(message.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
