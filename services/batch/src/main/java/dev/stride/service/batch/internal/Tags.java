package dev.stride.service.batch.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.service.JsonProtocol;
import dev.stride.service.ServiceCall;
import dev.stride.service.WriteJournal;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import dev.stride.engine.spi.RecordStore.Write;

/** TagResource, UntagResource, ListTagsForResource on compute environments, queues, definitions and jobs, by ARN. */
final class Tags {
    private final BatchState s;

    Tags(BatchState s) { this.s = s; }

    JsonNode tag(ServiceCall c, ObjectNode p) {
        String arn = Errors.required(p, "resourceArn");
        WriteJournal.Ticket t;
        synchronized (s) {
            Owner o = find(arn);
            if (p.path("tags").isObject()) o.d.with("tags").setAll((ObjectNode) p.get("tags"));
            t = s.journal.append(o.write());
        }
        t.await();
        return JsonProtocol.MAPPER.createObjectNode();
    }

    JsonNode untag(ServiceCall c, ObjectNode p) {
        String arn = Errors.required(p, "resourceArn");
        WriteJournal.Ticket t;
        synchronized (s) {
            Owner o = find(arn);
            p.path("tagKeys").forEach(k -> o.d.with("tags").remove(k.asText()));
            t = s.journal.append(o.write());
        }
        t.await();
        return JsonProtocol.MAPPER.createObjectNode();
    }

    JsonNode list(ServiceCall c, ObjectNode p) {
        String arn = Errors.required(p, "resourceArn");
        synchronized (s) {
            ObjectNode out = JsonProtocol.MAPPER.createObjectNode();
            out.set("tags", find(arn).d.path("tags").deepCopy());
            return out;
        }
    }

    private record Owner(ObjectNode d, Write write) {}

    /** The resource an ARN names (lock held). */
    private Owner find(String arn) {
        String[] parts = arn.split(":", 6);
        if (parts.length < 6 || !parts[2].equals("batch")) throw Errors.client("Invalid resourceArn " + arn);
        String region = parts[3];
        String account = parts[4];
        String rest = parts[5];
        String kind = rest.substring(0, Math.max(0, rest.indexOf('/')));
        String name = rest.substring(rest.indexOf('/') + 1);
        switch (kind) {
            case "compute-environment" -> {
                String key = BatchState.key(region, account, name);
                ObjectNode d = s.environments.get(key);
                if (d != null) return new Owner(d, BatchRecords.put(BatchRecords.ENVIRONMENTS, key, d));
            }
            case "job-queue" -> {
                String key = BatchState.key(region, account, name);
                ObjectNode d = s.queues.get(key);
                if (d != null) return new Owner(d, BatchRecords.put(BatchRecords.QUEUES, key, d));
            }
            case "job-definition" -> {
                int colon = name.lastIndexOf(':');
                String key = BatchState.key(region, account, colon < 0 ? name : name.substring(0, colon));
                TreeMap<Integer, ObjectNode> revisions = s.definitions.get(key);
                ObjectNode d = revisions == null || colon < 0 ? null : revisions.get(Integer.parseInt(name.substring(colon + 1)));
                if (d != null) return new Owner(d, BatchRecords.put(BatchRecords.DEFINITIONS, BatchRecords.definitionKey(key, d.path("revision").asInt()), d));
            }
            case "job" -> {
                Job j = s.jobs.get(name);
                if (j != null) return new Owner(j.d, BatchRecords.job(j));
            }
            default -> throw Errors.client("Invalid resourceArn " + arn);
        }
        throw Errors.client("Resource " + arn + " does not exist");
    }
}
