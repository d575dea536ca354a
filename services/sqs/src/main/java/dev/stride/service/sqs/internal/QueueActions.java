package dev.stride.service.sqs.internal;

import dev.stride.service.WriteJournal;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.spi.RecordStore.Write;
import dev.stride.service.ServiceCall;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The queue lifecycle: CreateQueue, GetQueueUrl, ListQueues, DeleteQueue, PurgeQueue, ListDeadLetterSourceQueues. */
final class QueueActions {
    private static final int MAX_NAME = 80;
    private static final long PURGE_INTERVAL_MILLIS = 60_000;

    private final Context ctx;

    QueueActions(Context ctx) { this.ctx = ctx; }

    JsonNode create(ServiceCall call) {
        ObjectNode p = call.params();
        String name = Params.required(p, "QueueName");
        Map<String, String> attrs = textMap(Params.object(p, "Attributes"));
        boolean fifo = "true".equalsIgnoreCase(attrs.getOrDefault("FifoQueue", "").trim());
        checkName(name, fifo);
        Map<String, String> tags = textMap(Params.has(p, "tags") ? Params.object(p, "tags") : Params.object(p, "Tags"));
        Queue q;
        WriteJournal.Ticket ticket;
        synchronized (ctx.queues().createOrDelete) {
            q = ctx.queues().find(call.region(), call.account(), name);
            if (q != null) {
                requireSameAttributes(q, attrs);
                ticket = ctx.journal().barrier(); // its creation may still be on its way to disk
            } else {
                long now = ctx.now();
                QueueSettings settings = QueueSettings.defaults(fifo).with(attrs, fifo, true, ctx.queues()::isFifo);
                q = new Queue(call.region(), call.account(), name, fifo, settings, now);
                QueueTags.check(tags, 0);
                q.tags.putAll(tags);
                ctx.queues().add(q);
                ticket = ctx.journal().append(List.of(Queues.record(q)));
            }
        }
        ticket.await();
        return Json.object().put("QueueUrl", Queues.url(call.endpoint(), q));
    }

    /** AWS answers an existing name as success only when every attribute given equals the queue's. */
    private void requireSameAttributes(Queue q, Map<String, String> attrs) {
        QueueSettings current = q.settings;
        for (Map.Entry<String, String> e : attrs.entrySet()) {
            if (e.getKey().equals("FifoQueue")) continue; // the name already said which kind it is
            String wanted = QueueSettings.normalize(e.getKey(), e.getValue(), q.fifo, true, ctx.queues()::isFifo);
            if (!Objects.equals(wanted, current.values.get(e.getKey()))) throw Errors.queueNameExists(e.getKey());
        }
    }

    private static void checkName(String name, boolean fifo) {
        String base = fifo && name.endsWith(".fifo") ? name.substring(0, name.length() - 5) : name;
        boolean ok = !base.isEmpty() && name.length() <= MAX_NAME && (!fifo || name.endsWith(".fifo"));
        for (int i = 0; ok && i < base.length(); i++) {
            char c = base.charAt(i);
            ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        }
        if (ok) return;
        throw Errors.invalidValue(fifo
                ? "The name of a FIFO queue can only include alphanumeric characters, hyphens, or underscores, must end with .fifo suffix and be 1 to 80 in length."
                : "Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length");
    }

    JsonNode getUrl(ServiceCall call) {
        String name = Params.required(call.params(), "QueueName");
        String owner = Params.text(call.params(), "QueueOwnerAWSAccountId");
        Queue q = ctx.queues().find(call.region(), owner == null || owner.isEmpty() ? call.account() : owner, name);
        if (q == null) throw Errors.queueDoesNotExist();
        return Json.object().put("QueueUrl", Queues.url(call.endpoint(), q));
    }

    JsonNode list(ServiceCall call) {
        String prefix = Params.text(call.params(), "QueueNamePrefix");
        List<Queue> matching = new ArrayList<>();
        for (Queue q : ctx.queues().list(call.region(), call.account())) {
            if (prefix == null || q.name.startsWith(prefix)) matching.add(q);
        }
        return page(call, matching, "QueueUrls");
    }

    JsonNode listDeadLetterSources(ServiceCall call) {
        Queue target = ctx.queues().resolve(call, Params.text(call.params(), "QueueUrl"));
        List<Queue> sources = new ArrayList<>();
        for (Queue q : ctx.queues().list(target.region, target.account)) {
            QueueSettings.Redrive r = q.settings.redrive;
            if (r != null && r.deadLetterTargetArn().equals(target.arn)) sources.add(q);
        }
        return page(call, sources, "queueUrls"); // lower case: the API's own spelling for this member
    }

    /** ListQueues' paging: a token names the last queue of the page before; no MaxResults, no paging. */
    private static JsonNode page(ServiceCall call, List<Queue> queues, String member) {
        ObjectNode p = call.params();
        boolean paged = Params.has(p, "MaxResults");
        int max = Params.ranged(p, "MaxResults", 1000, 1, 1000, "MaxResults must be an integer between 1 and 1000.");
        String token = Params.text(p, "NextToken");
        String after = token == null || token.isEmpty() ? null : decodeToken(token);
        ObjectNode out = Json.object();
        ArrayNode urls = Json.MAPPER.createArrayNode();
        String last = null;
        boolean more = false;
        for (Queue q : queues) {
            if (after != null && q.name.compareTo(after) <= 0) continue;
            if (urls.size() == max) {
                more = true;
                break;
            }
            urls.add(Queues.url(call.endpoint(), q));
            last = q.name;
        }
        if (!urls.isEmpty()) out.set(member, urls);
        if (paged && more) out.put("NextToken", Base64.getUrlEncoder().withoutPadding().encodeToString(last.getBytes(StandardCharsets.UTF_8)));
        return out;
    }

    private static String decodeToken(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw Errors.invalidValue("Invalid NextToken value.");
        }
    }

    JsonNode delete(ServiceCall call) {
        Queue q = ctx.queues().resolve(call, Params.text(call.params(), "QueueUrl"));
        WriteJournal.Ticket ticket;
        synchronized (ctx.queues().createOrDelete) {
            ctx.queues().remove(q);
            q.lock.lock();
            try {
                List<Write> writes = new ArrayList<>();
                q.deleted = true;
                q.clear(writes);
                for (DedupWindow.Entry e : q.dedup == null ? List.<DedupWindow.Entry>of() : q.dedup.entries()) {
                    writes.add(Records.deleteDedup(q.key, e));
                }
                if (q.dedup != null) q.dedup.clear();
                writes.add(Write.delete(Records.QUEUES, q.key));
                ticket = ctx.journal().append(writes);
                q.wakeAll();
            } finally {
                q.lock.unlock();
            }
        }
        ticket.await();
        return Json.object();
    }

    JsonNode purge(ServiceCall call) {
        Queue q = ctx.queues().resolve(call, Params.text(call.params(), "QueueUrl"));
        WriteJournal.Ticket ticket;
        q.lock.lock();
        try {
            long now = ctx.now();
            if (q.purgedAt != Long.MIN_VALUE && now - q.purgedAt < PURGE_INTERVAL_MILLIS) throw Errors.purgeInProgress(q.name);
            List<Write> writes = new ArrayList<>();
            q.clear(writes);
            q.purgedAt = now;
            writes.add(Queues.record(q));
            ticket = ctx.journal().append(writes);
        } finally {
            q.lock.unlock();
        }
        ticket.await();
        return Json.object();
    }

    static Map<String, String> textMap(ObjectNode o) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText());
        }
        return out;
    }
}
