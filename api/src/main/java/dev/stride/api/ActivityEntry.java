package dev.stride.api;

/** An activity: a name workers poll for tasks. */
record ActivityEntry(String arn, String name, long creationMillis) {}
