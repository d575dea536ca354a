package dev.stride.integrations.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.expr.Json;
import dev.stride.integrations.FunctionSpec;
import dev.stride.integrations.LocalFunction;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * POSTs the event to a URL (a local server, or the Lambda Runtime Interface Emulator). A response
 * with {@code X-Amz-Function-Error}, or whose body is Lambda's error JSON, is a function error; an
 * unreachable endpoint or a non-2xx answer is a service failure ({@code Lambda.ServiceException}).
 */
public final class HttpFunction implements LocalFunction {
    private final FunctionSpec.Http spec;
    private final LazyHttpClient client;

    public HttpFunction(FunctionSpec.Http spec, LazyHttpClient client) {
        this.spec = spec;
        this.client = client;
    }

    @Override
    public JsonNode invoke(JsonNode event, Context ctx) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(spec.url())
                .header("Content-Type", "application/json")
                .header("X-Amz-Request-Id", ctx.requestId())
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(event))).build();
        HttpResponse<String> resp;
        try {
            resp = client.get().send(req, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ServiceFailure("Lambda.ServiceException", "Stride could not reach the local function '" + ctx.functionName()
                    + "' at " + spec.url() + ": " + e);
        }
        String body = resp.body() == null ? "" : resp.body().strip();
        JsonNode result;
        try {
            result = body.isEmpty() ? Json.NODES.nullNode() : Json.MAPPER.readTree(body);
        } catch (IOException e) {
            result = null;
        }
        ReportedFunctionError reported = ReportedFunctionError.fromResult(result);
        if (reported != null && (resp.headers().firstValue("X-Amz-Function-Error").isPresent() || resp.statusCode() / 100 == 2)) throw reported;
        if (resp.statusCode() / 100 != 2) {
            throw new ServiceFailure("Lambda.ServiceException", "The local function '" + ctx.functionName() + "' at " + spec.url()
                    + " answered HTTP " + resp.statusCode() + ": " + (body.length() > 500 ? body.substring(0, 500) + "..." : body));
        }
        if (result == null) {
            throw new dev.stride.integrations.FunctionError("Runtime.MarshalError",
                    "Unable to marshal response: the answer of " + spec.url() + " is not JSON");
        }
        return result;
    }
}
