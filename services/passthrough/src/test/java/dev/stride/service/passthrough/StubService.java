package dev.stride.service.passthrough;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.service.AwsService;
import dev.stride.service.ServiceCall;
import dev.stride.service.ServiceRequest;
import dev.stride.service.ServiceResponse;
import java.util.List;
import java.util.Set;

/** A local service that only has a routing identity: the pass-through must never reach its work. */
record StubService(String signingName, List<String> targetPrefixes, Set<String> queryActions) implements AwsService {
    static StubService sqs() { return new StubService("sqs", List.of("AmazonSQS."), Set.of("SendMessage", "ReceiveMessage")); }

    static StubService sns() { return new StubService("sns", List.of(), Set.of("Publish", "CreateTopic")); }

    @Override
    public ServiceResponse serve(ServiceRequest request) { throw new AssertionError("the local service was asked to serve"); }

    @Override
    public JsonNode call(ServiceCall call) { throw new AssertionError("the local service was called"); }
}
