package dev.stride.service.compute;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.service.JsonProtocol;
import dev.stride.service.ServiceException;
import dev.stride.service.ServiceResponse;
import java.io.IOException;
import java.util.Map;

/** Replies of AWS's REST-JSON protocol (Batch): the result as the body, an error named in {@code x-amzn-ErrorType}. */
public final class RestJson {
    private RestJson() {}

    public static ServiceResponse reply(JsonNode result, String requestId) {
        try {
            return new ServiceResponse(200, "application/json", Map.of("x-amzn-RequestId", requestId),
                    JsonProtocol.MAPPER.writeValueAsBytes(result == null ? JsonProtocol.MAPPER.createObjectNode() : result));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a JSON reply", e);
        }
    }

    public static ServiceResponse error(ServiceException e, String requestId) {
        try {
            byte[] body = JsonProtocol.MAPPER.writeValueAsBytes(JsonProtocol.MAPPER.createObjectNode().put("__type", e.type())
                    .put("message", e.getMessage() == null ? "" : e.getMessage()));
            return new ServiceResponse(e.status(), "application/json", Map.of("x-amzn-RequestId", requestId, "x-amzn-ErrorType", e.type()), body);
        } catch (IOException io) {
            throw new IllegalStateException("cannot write a JSON error", io);
        }
    }
}
