package dev.stride.service.logs.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.service.JsonProtocol;
import dev.stride.service.ServiceException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Collections;

/**
 * The read actions. Paging tokens are positions: {@code f/N} and {@code b/N} in GetLogEvents
 * (at the end, the token given comes back, which is how the CLI and SDK paginators know to stop),
 * a plain offset elsewhere.
 */
final class LogQueries {
    private LogQueries() {}

    static JsonNode describeGroups(LogActions logs, ObjectNode p, String region, String account) {
        String prefix = p.path("logGroupNamePrefix").asText("");
        String pattern = p.path("logGroupNamePattern").asText("");
        List<LogGroup> all = new ArrayList<>();
        for (LogGroup g : logs.groupsOf(region, account)) {
            if (g.name.startsWith(prefix) && g.name.contains(pattern)) all.add(g);
        }
        int limit = limit(p, 50);
        int from = offset(p.path("nextToken").textValue());
        ObjectNode out = JsonProtocol.MAPPER.createObjectNode();
        ArrayNode list = out.putArray("logGroups");
        synchronized (logs) {
            for (int i = from; i < Math.min(all.size(), from + limit); i++) {
                LogGroup g = all.get(i);
                ObjectNode o = list.addObject().put("logGroupName", g.name).put("creationTime", g.createdAt);
                if (g.retentionInDays != null) o.put("retentionInDays", g.retentionInDays);
                o.put("metricFilterCount", 0).put("arn", g.arn(region, account) + ":*")
                        .put("storedBytes", g.streams.values().stream().mapToLong(s -> s.storedBytes).sum())
                        .put("logGroupClass", "STANDARD").put("logGroupArn", g.arn(region, account));
            }
        }
        if (from + limit < all.size()) out.put("nextToken", Integer.toString(from + limit));
        return out;
    }

    static JsonNode describeStreams(LogActions logs, ObjectNode p, String region, String account) {
        LogGroup g = logs.group(region, account, LogActions.groupName(p));
        String prefix = p.path("logStreamNamePrefix").asText("");
        boolean byTime = "LastEventTime".equals(p.path("orderBy").asText());
        if (byTime && !prefix.isEmpty()) {
            throw ServiceException.client("InvalidParameterException", "Cannot order by LastEventTime with a logStreamNamePrefix.");
        }
        ObjectNode out = JsonProtocol.MAPPER.createObjectNode();
        ArrayNode list = out.putArray("logStreams");
        int limit = limit(p, 50);
        int from = offset(p.path("nextToken").textValue());
        synchronized (logs) {
            List<LogStream> streams = new ArrayList<>();
            for (LogStream s : g.streams.values()) if (s.name.startsWith(prefix)) streams.add(s);
            if (byTime) streams.sort(Comparator.comparingLong(LogQueries::lastEvent));
            if (p.path("descending").asBoolean(false)) Collections.reverse(streams);
            for (int i = from; i < Math.min(streams.size(), from + limit); i++) {
                LogStream s = streams.get(i);
                ObjectNode o = list.addObject().put("logStreamName", s.name).put("creationTime", s.createdAt);
                if (!s.events.isEmpty()) {
                    o.put("firstEventTimestamp", s.events.get(0).timestamp()).put("lastEventTimestamp", lastEvent(s))
                            .put("lastIngestionTime", s.lastIngestion);
                }
                o.put("uploadSequenceToken", String.format("%056d", s.nextSeq))
                        .put("arn", g.arn(region, account) + ":log-stream:" + s.name).put("storedBytes", s.storedBytes);
            }
            if (from + limit < streams.size()) out.put("nextToken", Integer.toString(from + limit));
        }
        return out;
    }

    private static long lastEvent(LogStream s) { return s.events.isEmpty() ? 0 : s.events.get(s.events.size() - 1).timestamp(); }

    static JsonNode getEvents(LogActions logs, ObjectNode p, String region, String account) {
        LogGroup g = logs.group(region, account, LogActions.groupName(p));
        String name = LogActions.required(p, "logStreamName");
        int limit = limit(p, 10_000);
        String token = p.path("nextToken").textValue();
        ObjectNode out = JsonProtocol.MAPPER.createObjectNode();
        ArrayNode list = out.putArray("events");
        synchronized (logs) {
            LogStream s = g.streams.get(name);
            if (s == null) throw LogActions.notFound("The specified log stream does not exist.");
            List<LogStream.Event> events = s.between(time(p, "startTime"), time(p, "endTime"));
            int from;
            int to;
            if (token != null && token.startsWith("b/")) {
                to = Math.min(events.size(), offset(token.substring(2)));
                from = Math.max(0, to - limit);
            } else if (token != null && token.startsWith("f/")) {
                from = Math.min(events.size(), offset(token.substring(2)));
                to = Math.min(events.size(), from + limit);
            } else if (token != null) {
                throw ServiceException.client("InvalidParameterException", "The specified nextToken is invalid.");
            } else if (p.path("startFromHead").asBoolean(false)) {
                from = 0;
                to = Math.min(events.size(), limit);
            } else {
                to = events.size();
                from = Math.max(0, to - limit);
            }
            for (LogStream.Event e : events.subList(from, to)) {
                list.addObject().put("timestamp", e.timestamp()).put("message", e.message()).put("ingestionTime", e.ingestion());
            }
            out.put("nextForwardToken", String.format("f/%020d", to)).put("nextBackwardToken", String.format("b/%020d", from));
        }
        return out;
    }

    static JsonNode filterEvents(LogActions logs, ObjectNode p, String region, String account) {
        LogGroup g = logs.group(region, account, LogActions.groupName(p));
        FilterPattern pattern = FilterPattern.parse(p.path("filterPattern").textValue());
        List<String> names = new ArrayList<>();
        p.path("logStreamNames").forEach(n -> names.add(n.asText()));
        String prefix = p.path("logStreamNamePrefix").asText("");
        int limit = limit(p, 10_000);
        int from = offset(p.path("nextToken").textValue());
        record Hit(String stream, LogStream.Event event) {}
        List<Hit> hits = new ArrayList<>();
        ObjectNode out = JsonProtocol.MAPPER.createObjectNode();
        ArrayNode searched = JsonProtocol.MAPPER.createArrayNode();
        synchronized (logs) {
            for (LogStream s : g.streams.values()) {
                if (!names.isEmpty() ? !names.contains(s.name) : !s.name.startsWith(prefix)) continue;
                searched.addObject().put("logStreamName", s.name).put("searchedCompletely", true);
                for (LogStream.Event e : s.between(time(p, "startTime"), time(p, "endTime"))) {
                    if (pattern.matches(e.message())) hits.add(new Hit(s.name, e));
                }
            }
        }
        hits.sort(Comparator.comparingLong((Hit h) -> h.event.timestamp()).thenComparingLong(h -> h.event.ingestion()));
        ArrayNode list = out.putArray("events");
        for (int i = from; i < Math.min(hits.size(), from + limit); i++) {
            Hit h = hits.get(i);
            list.addObject().put("logStreamName", h.stream).put("timestamp", h.event.timestamp()).put("message", h.event.message())
                    .put("ingestionTime", h.event.ingestion()).put("eventId", String.format("%020d%020d", h.event.timestamp(), h.event.seq()));
        }
        out.set("searchedLogStreams", searched);
        if (from + limit < hits.size()) out.put("nextToken", Integer.toString(from + limit));
        return out;
    }

    private static Long time(ObjectNode p, String name) { return p.hasNonNull(name) ? p.get(name).asLong() : null; }

    private static int limit(ObjectNode p, int max) {
        int l = p.path("limit").asInt(max);
        if (l < 1 || l > max) {
            throw ServiceException.client("InvalidParameterException", "1 validation error detected: Value '" + l
                    + "' at 'limit' failed to satisfy constraint: Member must have value less than or equal to " + max);
        }
        return l;
    }

    private static int offset(String token) {
        if (token == null || token.isEmpty()) return 0;
        try {
            return Integer.parseInt(token);
        } catch (NumberFormatException e) {
            throw ServiceException.client("InvalidParameterException", "The specified nextToken is invalid.");
        }
    }
}
