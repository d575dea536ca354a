package dev.stride.service.dynamodb.internal;

import dev.stride.service.WriteJournal;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.spi.RecordStore.Write;
import dev.stride.service.ServiceCall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/** TagResource, UntagResource and ListTagsOfResource on a table's ARN; tags live in the table's record. */
final class Tagging {
    private final Context ctx;

    Tagging(Context ctx) { this.ctx = ctx; }

    static Map<String, String> read(JsonNode tags) {
        Map<String, String> out = new LinkedHashMap<>();
        if (tags == null) return Map.of();
        for (JsonNode t : tags) {
            String k = t.path("Key").asText(null);
            if (k == null) throw Errors.missingParameter("tags.member.key");
            out.put(k, t.path("Value").asText(""));
        }
        return Map.copyOf(out);
    }

    JsonNode tag(ServiceCall call) {
        Table t = byArn(call, Params.required(call.params(), "ResourceArn"));
        Map<String, String> add = read(call.params().get("Tags"));
        return change(call, t, tags -> tags.putAll(add));
    }

    JsonNode untag(ServiceCall call) {
        Table t = byArn(call, Params.required(call.params(), "ResourceArn"));
        List<String> keys = new ArrayList<>();
        call.params().path("TagKeys").forEach(k -> keys.add(k.asText()));
        return change(call, t, tags -> keys.forEach(tags::remove));
    }

    private JsonNode change(ServiceCall call, Table t, Consumer<Map<String, String>> edit) {
        ObjectNode reply = Json.object();
        List<Write> writes = new ArrayList<>();
        WriteJournal.Ticket ticket;
        t.structure.writeLock().lock();
        try {
            if (t.deleted) throw Errors.resourceArnNotFound(call.params().path("ResourceArn").asText());
            Map<String, String> tags = new LinkedHashMap<>(t.schema.tags());
            edit.accept(tags);
            t.schema = t.schema.withTags(tags);
            writes.add(Write.put(Records.TABLES, t.schema.storeKey(), Records.writeTable(t.schema)));
            ctx.idempotency().record(call.idempotencyKey(), reply, ctx.now(), writes);
            ticket = ctx.journal().append(writes);
        } finally {
            t.structure.writeLock().unlock();
        }
        ticket.await();
        return reply;
    }

    JsonNode list(ServiceCall call) {
        Table t = byArn(call, Params.required(call.params(), "ResourceArn"));
        ObjectNode reply = Json.object();
        ArrayNode tags = reply.putArray("Tags");
        new TreeMap<>(t.schema.tags()).forEach((k, v) -> tags.addObject().put("Key", k).put("Value", v));
        return reply;
    }

    private Table byArn(ServiceCall call, String arn) {
        String prefix = "arn:aws:dynamodb:" + call.region() + ":" + call.account() + ":table/";
        if (!arn.startsWith(prefix)) {
            if (!arn.startsWith("arn:")) throw Errors.validation("Invalid TableArn: Invalid ResourceArn provided as input " + arn);
            throw Errors.resourceArnNotFound(arn);
        }
        String name = arn.substring(prefix.length());
        int slash = name.indexOf('/');
        if (slash >= 0) name = name.substring(0, slash);
        Table t = ctx.tables().find(call.region(), call.account(), name);
        if (t == null) throw Errors.resourceArnNotFound(arn);
        return t;
    }
}
