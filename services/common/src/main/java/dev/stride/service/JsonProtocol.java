package dev.stride.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;

/**
 * The AWS JSON protocol (1.0 and 1.1): the body is the action's parameters, the reply its
 * result; an error is {@code {"__type": "namespace#Type", "message": ...}} with the query
 * protocol's code in {@code x-amzn-query-error} (services that moved from query to JSON, as SQS
 * did, keep their old codes there and the SDKs read them).
 */
public final class JsonProtocol {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonProtocol() {}

    /** The action of an {@code X-Amz-Target: Prefix.Action} header, or null. */
    public static String action(ServiceRequest request, String prefix) {
        String target = request.header("x-amz-target");
        return target != null && target.startsWith(prefix) ? target.substring(prefix.length()) : null;
    }

    /** The body as the action's parameters; an empty body is {@code {}}. */
    public static ObjectNode params(ServiceRequest request) {
        if (request.body().length == 0) return MAPPER.createObjectNode();
        try {
            JsonNode n = MAPPER.readTree(request.body());
            if (n == null || n.isNull() || n.isMissingNode()) return MAPPER.createObjectNode();
            if (n instanceof ObjectNode o) return o;
        } catch (IOException e) {
            throw new ServiceException("SerializationException", "SerializationException", 400, true,
                    "Malformed request body: " + e.getMessage());
        }
        throw new ServiceException("SerializationException", "SerializationException", 400, true, "Request body must be a JSON object");
    }

    public static ServiceResponse reply(String contentType, JsonNode result, String requestId) {
        try {
            return new ServiceResponse(200, contentType, Map.of("x-amzn-RequestId", requestId),
                    MAPPER.writeValueAsBytes(result == null ? MAPPER.createObjectNode() : result));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a JSON reply", e);
        }
    }

    /** An error reply; {@code namespace} is the service's Smithy namespace, such as {@code com.amazonaws.sqs}. */
    public static ServiceResponse error(String contentType, String namespace, ServiceException e, String requestId) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("__type", namespace == null ? e.type() : namespace + "#" + e.type());
        if (e.getMessage() != null) body.put("message", e.getMessage());
        Map<String, String> headers = Map.of("x-amzn-RequestId", requestId,
                "x-amzn-query-error", e.code() + ";" + (e.sender() ? "Sender" : "Receiver"));
        try {
            return new ServiceResponse(e.status(), contentType, headers, MAPPER.writeValueAsBytes(body));
        } catch (IOException io) {
            throw new IllegalStateException("cannot write a JSON error", io);
        }
    }
}
