package dev.stride.asl.model;

import java.util.List;

/** One Retry entry. {@code maxDelaySeconds} is null when absent. */
public record Retrier(List<String> errorEquals, int intervalSeconds, int maxAttempts, double backoffRate,
                      Integer maxDelaySeconds, boolean fullJitter) {}
