package dev.stride.service.logs.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.spi.RecordStore;
import dev.stride.engine.spi.RecordStore.Write;
import dev.stride.service.JsonProtocol;
import dev.stride.service.ServiceException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The Logs actions over the groups in memory; every change is committed to the store before the
 * reply. One lock for all groups: writes are small and the readers copy what they return.
 */
public final class LogActions {
    private final RecordStore store;
    private final LongSupplier clock;
    private final Map<String, LogGroup> groups = new HashMap<>();

    public LogActions(RecordStore store, LongSupplier clock) {
        this.store = store;
        this.clock = clock;
        LogRecords.load(store, groups);
    }

    /** The in-process form's PascalCase members as the wire's camelCase ones (Task states write {@code LogGroupName}). */
    public static ObjectNode camel(ObjectNode params) {
        ObjectNode out = JsonProtocol.MAPPER.createObjectNode();
        params.properties().forEach(e -> {
            String k = e.getKey();
            String name = k.isEmpty() ? k : Character.toLowerCase(k.charAt(0)) + k.substring(1);
            JsonNode v = e.getValue();
            if (v instanceof ArrayNode a && name.equals("logEvents")) {
                ArrayNode events = out.putArray(name);
                a.forEach(ev -> events.add(ev instanceof ObjectNode o && !name.equals("tags") ? camel(o) : ev));
            } else {
                out.set(name, v);
            }
        });
        return out;
    }

    public JsonNode run(String action, ObjectNode p, String region, String account) {
        return switch (action) {
            case "CreateLogGroup" -> createGroup(p, region, account);
            case "CreateLogStream" -> createStream(p, region, account);
            case "DeleteLogGroup" -> deleteGroup(p, region, account);
            case "DeleteLogStream" -> deleteStream(p, region, account);
            case "PutRetentionPolicy" -> putRetention(p, region, account);
            case "DescribeLogGroups" -> LogQueries.describeGroups(this, p, region, account);
            case "DescribeLogStreams" -> LogQueries.describeStreams(this, p, region, account);
            case "PutLogEvents" -> putEvents(p, region, account);
            case "GetLogEvents" -> LogQueries.getEvents(this, p, region, account);
            case "FilterLogEvents" -> LogQueries.filterEvents(this, p, region, account);
            default -> throw new ServiceException("UnknownOperationException", "UnknownOperationException", 400, true,
                    "The action " + action + " is not valid for this endpoint.");
        };
    }

    static String required(ObjectNode p, String name) {
        String v = p.path(name).textValue();
        if (v == null || v.isEmpty()) {
            throw ServiceException.client("InvalidParameterException", "1 validation error detected: Value null at '" + name
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return v;
    }

    static String groupName(ObjectNode p) {
        String id = p.path("logGroupIdentifier").textValue();
        if (id != null && !id.isEmpty()) return id.startsWith("arn:") ? id.substring(id.indexOf(":log-group:") + 11).replaceAll(":\\*$", "") : id;
        return required(p, "logGroupName");
    }

    private static String key(String region, String account, String name) { return region + "/" + account + "/" + name; }

    synchronized LogGroup group(String region, String account, String name) {
        LogGroup g = groups.get(key(region, account, name));
        if (g == null) throw notFound("The specified log group does not exist.");
        return g;
    }

    synchronized List<LogGroup> groupsOf(String region, String account) {
        String prefix = region + "/" + account + "/";
        List<LogGroup> out = new ArrayList<>();
        groups.forEach((k, g) -> { if (k.startsWith(prefix)) out.add(g); });
        out.sort((a, b) -> a.name.compareTo(b.name));
        return out;
    }

    static ServiceException notFound(String message) { return ServiceException.client("ResourceNotFoundException", message); }

    private JsonNode createGroup(ObjectNode p, String region, String account) {
        String name = required(p, "logGroupName");
        if (!name.matches("[\\.\\-_/#A-Za-z0-9]{1,512}")) {
            throw ServiceException.client("InvalidParameterException", "1 validation error detected: Value '" + name
                    + "' at 'logGroupName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+");
        }
        LogGroup g;
        synchronized (this) {
            String k = key(region, account, name);
            if (groups.containsKey(k)) throw ServiceException.client("ResourceAlreadyExistsException", "The specified log group already exists");
            g = new LogGroup(k, name, clock.getAsLong());
            p.path("tags").properties().forEach(e -> g.tags.put(e.getKey(), e.getValue().asText()));
            groups.put(k, g);
        }
        store.commit(List.of(LogRecords.putGroup(g)));
        return JsonProtocol.MAPPER.createObjectNode();
    }

    private JsonNode createStream(ObjectNode p, String region, String account) {
        String stream = required(p, "logStreamName");
        if (stream.contains(":") || stream.contains("*")) {
            throw ServiceException.client("InvalidParameterException", "1 validation error detected: Value '" + stream
                    + "' at 'logStreamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [^:*]*");
        }
        LogGroup g = group(region, account, groupName(p));
        LogStream s;
        synchronized (this) {
            if (g.streams.containsKey(stream)) throw ServiceException.client("ResourceAlreadyExistsException", "The specified log stream already exists");
            s = new LogStream(stream, clock.getAsLong());
            g.streams.put(stream, s);
        }
        store.commit(List.of(LogRecords.putStream(g, s)));
        return JsonProtocol.MAPPER.createObjectNode();
    }

    private JsonNode deleteGroup(ObjectNode p, String region, String account) {
        LogGroup g = group(region, account, groupName(p));
        List<Write> writes = new ArrayList<>();
        synchronized (this) {
            groups.remove(g.key);
            writes.add(Write.delete(LogRecords.GROUPS, g.key));
            g.streams.values().forEach(s -> deleteWrites(g, s, writes));
        }
        store.commit(writes);
        return JsonProtocol.MAPPER.createObjectNode();
    }

    private JsonNode deleteStream(ObjectNode p, String region, String account) {
        LogGroup g = group(region, account, groupName(p));
        String name = required(p, "logStreamName");
        List<Write> writes = new ArrayList<>();
        synchronized (this) {
            LogStream s = g.streams.remove(name);
            if (s == null) throw notFound("The specified log stream does not exist.");
            deleteWrites(g, s, writes);
        }
        store.commit(writes);
        return JsonProtocol.MAPPER.createObjectNode();
    }

    private static void deleteWrites(LogGroup g, LogStream s, List<Write> writes) {
        String sk = LogRecords.streamKey(g, s.name);
        writes.add(Write.delete(LogRecords.STREAMS, sk));
        s.events.forEach(e -> writes.add(Write.delete(LogRecords.EVENTS, LogRecords.eventKey(sk, e.seq()))));
    }

    private JsonNode putRetention(ObjectNode p, String region, String account) {
        LogGroup g = group(region, account, groupName(p));
        synchronized (this) {
            g.retentionInDays = p.path("retentionInDays").asInt();
        }
        store.commit(List.of(LogRecords.putGroup(g)));
        return JsonProtocol.MAPPER.createObjectNode();
    }

    private JsonNode putEvents(ObjectNode p, String region, String account) {
        LogGroup g = group(region, account, groupName(p));
        String name = required(p, "logStreamName");
        JsonNode events = p.path("logEvents");
        if (!events.isArray() || events.isEmpty()) {
            throw ServiceException.client("InvalidParameterException", "1 validation error detected: Value '[]' at 'logEvents' failed to satisfy constraint: Member must have length greater than or equal to 1");
        }
        long now = clock.getAsLong();
        List<Write> writes = new ArrayList<>(events.size());
        synchronized (this) {
            LogStream s = g.streams.get(name);
            if (s == null) throw notFound("The specified log stream does not exist.");
            String sk = LogRecords.streamKey(g, name);
            for (JsonNode e : events) {
                LogStream.Event ev = new LogStream.Event(e.path("timestamp").asLong(now), e.path("message").asText(""), now, s.nextSeq);
                s.add(ev);
                writes.add(LogRecords.putEvent(sk, ev));
            }
        }
        store.commit(writes);
        return JsonProtocol.MAPPER.createObjectNode().put("nextSequenceToken", String.format("%056d", now));
    }
}
