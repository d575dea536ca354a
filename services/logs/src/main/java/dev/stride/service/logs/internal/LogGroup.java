package dev.stride.service.logs.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** One log group and its streams by name. */
final class LogGroup {
    final String key;
    final String name;
    final long createdAt;
    Integer retentionInDays;
    final Map<String, String> tags = new LinkedHashMap<>();
    final TreeMap<String, LogStream> streams = new TreeMap<>();

    LogGroup(String key, String name, long createdAt) {
        this.key = key;
        this.name = name;
        this.createdAt = createdAt;
    }

    String arn(String region, String account) { return "arn:aws:logs:" + region + ":" + account + ":log-group:" + name; }
}
