package dev.stride.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.api.console.Backend;
import dev.stride.service.AwsService;
import dev.stride.service.Inspectable;
import dev.stride.service.ServiceCall;
import dev.stride.service.ServiceException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/** The console's way in: the API's action table and the configured services, called in-process. */
final class ConsoleBackend implements Backend {
    private final Operations operations;
    private final ServerConfig config;

    ConsoleBackend(Operations operations, ServerConfig config) {
        this.operations = operations;
        this.config = config;
    }

    @Override
    public JsonNode stepFunctions(String action, ObjectNode request) {
        try {
            return operations.forTarget(Operations.TARGET_PREFIX + action).run(new Request(request));
        } catch (ApiException e) {
            throw new Failure(e.error.type, e.getMessage());
        }
    }

    @Override
    public List<String> services() {
        List<String> names = new ArrayList<>();
        for (AwsService s : config.services()) names.add(s.signingName());
        return names;
    }

    @Override
    public JsonNode service(String signingName, String action, ObjectNode params) {
        AwsService service = find(signingName);
        try {
            return service.call(new ServiceCall(action, params, config.region(), config.account(),
                    "http://localhost:" + config.port(), null));
        } catch (ServiceException e) {
            throw new Failure(e.code(), e.getMessage());
        }
    }

    @Override
    public JsonNode inspect(String signingName, String what, ObjectNode params) {
        if (!(find(signingName) instanceof Inspectable service)) return null;
        try {
            return service.inspect(new ServiceCall(what, params, config.region(), config.account(), "http://localhost:" + config.port(), null));
        } catch (ServiceException e) {
            throw new Failure(e.code(), e.getMessage());
        }
    }

    private AwsService find(String signingName) {
        for (AwsService s : config.services()) if (s.signingName().equals(signingName)) return s;
        throw new Failure("ResourceNotFound", "this server runs no " + signingName + " service");
    }

    @Override
    public boolean readOnly() { return !config.accessKeys().isEmpty(); }

    @Override
    public boolean acceptsKey(String accessKeyId, String secretAccessKey) {
        String secret = config.accessKeys().get(accessKeyId);
        // Compared in constant time: how long a refusal takes says nothing about the secret.
        return secret != null && MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8), secretAccessKey.getBytes(StandardCharsets.UTF_8));
    }

}
