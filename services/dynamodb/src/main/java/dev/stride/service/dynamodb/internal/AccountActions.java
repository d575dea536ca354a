package dev.stride.service.dynamodb.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.service.ServiceCall;
import java.net.URI;

/** DescribeLimits and DescribeEndpoints: SDKs may call them before anything else, so they answer what AWS's defaults are. */
final class AccountActions {
    private AccountActions() {}

    static JsonNode describeLimits(ServiceCall call) {
        return Json.object().put("AccountMaxReadCapacityUnits", 80000).put("AccountMaxWriteCapacityUnits", 80000)
                .put("TableMaxReadCapacityUnits", 40000).put("TableMaxWriteCapacityUnits", 40000);
    }

    /** The endpoint to keep using is this one: the address the client reached us by. */
    static JsonNode describeEndpoints(ServiceCall call) {
        String address = "dynamodb." + call.region() + ".amazonaws.com";
        if (call.endpoint() != null) {
            URI u = URI.create(call.endpoint());
            if (u.getHost() != null) address = u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : "");
        }
        ObjectNode reply = Json.object();
        reply.putArray("Endpoints").addObject().put("Address", address).put("CachePeriodInMinutes", 1440);
        return reply;
    }
}
