package dev.stride.service.ecs.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.service.ServiceException;

/** ECS's errors as its JSON protocol names them. */
final class EcsErrors {
    private EcsErrors() {}

    static ServiceException client(String message) { return ServiceException.client("ClientException", message); }

    static ServiceException invalid(String message) { return ServiceException.client("InvalidParameterException", message); }

    static ServiceException clusterNotFound() { return ServiceException.client("ClusterNotFoundException", "Cluster not found."); }

    static String required(JsonNode p, String name) {
        String v = p.path(name).textValue();
        if (v == null || v.isEmpty()) throw invalid(name + " can not be blank.");
        return v;
    }
}
