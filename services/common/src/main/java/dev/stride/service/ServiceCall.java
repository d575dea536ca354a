package dev.stride.service;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An action with its parameters in the API's JSON shape, made by a client request or a Task
 * state.
 *
 * @param action          the API action, PascalCase: {@code SendMessage}
 * @param params          its parameters in the API's JSON shape (never null)
 * @param region          the caller's region (from the SigV4 credential scope, else the server's)
 * @param account         the caller's account id
 * @param endpoint        the base URL clients reach the server by ({@code http://localhost:8083}),
 *                        for addresses the service hands out (queue URLs, unsubscribe links)
 * @param idempotencyKey  non-null when the caller may repeat this exact call after a crash (a Task
 *                        state's token): a service whose action has effects applies it once per key
 *                        and answers a repeat with the first reply
 */
public record ServiceCall(String action, ObjectNode params, String region, String account, String endpoint, String idempotencyKey) {
    public ServiceCall {
        if (action == null || action.isEmpty()) throw new IllegalArgumentException("action is required");
        if (params == null) throw new IllegalArgumentException("params is required");
    }

    /** The same call with other parameters. */
    public ServiceCall withParams(ObjectNode p) { return new ServiceCall(action, p, region, account, endpoint, idempotencyKey); }
}
