package dev.stride.service.sqs.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.spi.RecordStore.Write;
import dev.stride.service.ServiceCall;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every queue, by {@code region/account/name}. A queue is found from its URL by the URL's path
 * alone (account and name; SDKs sometimes rewrite the host) and the caller's region, so queues
 * of one region are invisible from another, as in AWS.
 */
final class Queues {
    private final Map<String, Queue> byKey = new ConcurrentHashMap<>();
    /** Held to create or delete a queue (rare), so two creates of one name agree. */
    final Object createOrDelete = new Object();

    Queue find(String region, String account, String name) { return byKey.get(region + "/" + account + "/" + name); }

    /** The queue a request's QueueUrl names, or QueueDoesNotExist. */
    Queue resolve(ServiceCall call, String queueUrl) {
        if (queueUrl == null || queueUrl.isEmpty()) throw Errors.missing("QueueUrl");
        String path = queueUrl;
        int scheme = path.indexOf("://");
        if (scheme >= 0) {
            int slash = path.indexOf('/', scheme + 3);
            path = slash < 0 ? "" : path.substring(slash);
        }
        int query = path.indexOf('?');
        if (query >= 0) path = path.substring(0, query);
        while (path.endsWith("/")) path = path.substring(0, path.length() - 1);
        int last = path.lastIndexOf('/');
        String name = path.substring(last + 1);
        String account = call.account();
        if (last > 0) {
            String before = path.substring(0, last);
            account = before.substring(before.lastIndexOf('/') + 1);
        }
        Queue q = name.isEmpty() ? null : find(call.region(), account, name);
        if (q == null) throw Errors.queueDoesNotExist();
        return q;
    }

    /** The queue of an ARN {@code arn:aws:sqs:region:account:name}, or null. */
    Queue byArn(String arn) {
        if (arn == null) return null;
        String[] p = arn.split(":", -1);
        if (p.length != 6 || !p[0].equals("arn") || !p[2].equals("sqs")) return null;
        return find(p[3], p[4], p[5]);
    }

    /** For RedrivePolicy checks: whether the queue of an ARN is FIFO, or null when there is none. */
    Boolean isFifo(String arn) {
        Queue q = byArn(arn);
        return q == null ? null : q.fifo;
    }

    void add(Queue q) { byKey.put(q.key, q); }

    void remove(Queue q) { byKey.remove(q.key, q); }

    /** The queues of a region and account, by name. */
    List<Queue> list(String region, String account) {
        String prefix = region + "/" + account + "/";
        List<Queue> out = new ArrayList<>();
        for (Queue q : byKey.values()) if (q.key.startsWith(prefix)) out.add(q);
        out.sort(Comparator.comparing(q -> q.name));
        return out;
    }

    Iterable<Queue> all() { return byKey.values(); }

    static String url(String endpoint, Queue q) {
        String base = endpoint == null || endpoint.isEmpty() ? "http://localhost" : endpoint;
        if (base.endsWith("/")) base = base.substring(0, base.length() - 1);
        return base + "/" + q.account + "/" + q.name;
    }

    /** The queue's record; call holding its lock (or before anyone else can see it). */
    static Write record(Queue q) {
        ObjectNode o = Json.object().put("fifo", q.fifo).put("created", q.createdAt).put("modified", q.modifiedAt);
        if (q.purgedAt != Long.MIN_VALUE) o.put("purged", q.purgedAt);
        ObjectNode attrs = o.putObject("attrs");
        q.settings.values.forEach(attrs::put);
        ObjectNode tags = o.putObject("tags");
        q.tags.forEach(tags::put);
        return Write.put(Records.QUEUES, q.key, Json.write(o));
    }

    static Queue read(String key, JsonNode o) {
        String[] p = key.split("/", 3);
        Map<String, String> attrs = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = o.path("attrs").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            attrs.put(e.getKey(), e.getValue().asText());
        }
        Queue q = new Queue(p[0], p[1], p[2], o.path("fifo").asBoolean(), QueueSettings.restored(attrs), o.path("created").asLong());
        q.modifiedAt = o.path("modified").asLong(q.createdAt);
        if (o.has("purged")) q.purgedAt = o.get("purged").asLong();
        for (Iterator<Map.Entry<String, JsonNode>> it = o.path("tags").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            q.tags.put(e.getKey(), e.getValue().asText());
        }
        return q;
    }
}
