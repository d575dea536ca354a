package dev.stride.service;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Read-only looks a service offers local tools beyond its AWS API, in-process only (no HTTP
 * route reaches them): the web console peeks at an SQS queue's messages this way, where
 * ReceiveMessage would hide them and count a receive.
 */
public interface Inspectable {
    /**
     * Runs a read-only look ({@code PeekMessages}) with parameters in the API's JSON shape.
     *
     * @throws ServiceException for a missing resource or an unknown look
     */
    JsonNode inspect(ServiceCall call);
}
