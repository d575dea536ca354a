package dev.stride.service.sqs.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.engine.spi.RecordStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds every queue from the store on start: queues, then their messages (in sequence order,
 * as the store scans keys in order), then each message's last delivery, then the deduplication
 * windows and the stored replies. A message's state follows from its visibility deadline and
 * whether it was ever received, so an in-flight message stays in flight across a restart.
 */
final class Recovery {
    private Recovery() {}

    static void load(RecordStore store, Queues queues, Idempotency idempotency, long now) {
        store.scan(Records.QUEUES, (key, value) -> queues.add(Queues.read(key, Json.read(value))));

        Map<String, Map<Long, JsonNode>> deliveries = new HashMap<>();
        store.scan(Records.DELIVERIES, (key, value) -> {
            String queueKey = Records.queueKeyOf(key);
            if (queueKey != null) deliveries.computeIfAbsent(queueKey, k -> new HashMap<>()).put(Records.seqOf(key), Json.read(value));
        });
        store.scan(Records.MESSAGES, (key, value) -> {
            Queue q = queueOf(queues, key);
            if (q == null) return; // a queue deleted between its messages' writes: nothing to restore
            long seq = Records.seqOf(key);
            Message m = Records.readMessage(seq, Json.read(value));
            JsonNode d = deliveries.getOrDefault(q.key, Map.of()).get(seq);
            if (d != null) Records.readDelivery(m, d);
            q.add(m, now);
        });
        // keys scan in key order, but a window expires in age order
        Map<Queue, List<DedupWindow.Entry>> windows = new HashMap<>();
        store.scan(Records.DEDUP, (key, value) -> {
            Queue q = queueOf(queues, key);
            if (q != null && q.dedup != null) windows.computeIfAbsent(q, k -> new ArrayList<>()).add(Records.readDedup(Json.read(value)));
        });
        windows.forEach((q, entries) -> {
            entries.sort(Comparator.comparingLong(DedupWindow.Entry::expiresAt));
            entries.forEach(q.dedup::add);
        });
        store.scan(Records.IDEMPOTENCY, (key, value) -> idempotency.restore(key, Json.read(value)));
    }

    private static Queue queueOf(Queues queues, String recordKey) {
        String queueKey = Records.queueKeyOf(recordKey);
        if (queueKey == null) return null;
        String[] p = queueKey.split("/", 3);
        return queues.find(p[0], p[1], p[2]);
    }
}
