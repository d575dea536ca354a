package dev.stride.api;

import com.fasterxml.jackson.databind.JsonNode;

/** One API action: request members in, response members out; failures as {@link ApiException}. */
@FunctionalInterface
interface Operation {
    JsonNode run(Request request);
}
