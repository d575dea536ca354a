package dev.stride.service.sns;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.service.AwsService;
import dev.stride.service.JsonProtocol;
import dev.stride.service.ServiceCall;
import dev.stride.service.ServiceException;
import dev.stride.service.ServiceRequest;
import dev.stride.service.ServiceResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** Stands in for the SQS service: records the SendMessage calls it gets, drops repeats of an idempotency key. */
final class RecordingSqs implements AwsService {
    final List<ServiceCall> sent = new CopyOnWriteArrayList<>();
    private final Set<String> keys = new HashSet<>();
    volatile String missingQueueUrl;

    @Override
    public String signingName() { return "sqs"; }

    @Override
    public List<String> targetPrefixes() { return List.of("AmazonSQS."); }

    @Override
    public Set<String> queryActions() { return Set.of("SendMessage"); }

    @Override
    public ServiceResponse serve(ServiceRequest request) { throw new UnsupportedOperationException(); }

    @Override
    public synchronized JsonNode call(ServiceCall call) {
        if (call.params().path("QueueUrl").asText().equals(missingQueueUrl)) {
            throw ServiceException.client("AWS.SimpleQueueService.NonExistentQueue", "The specified queue does not exist.");
        }
        if (call.idempotencyKey() == null || keys.add(call.idempotencyKey())) sent.add(call);
        return JsonProtocol.MAPPER.createObjectNode().put("MessageId", "m-" + sent.size());
    }

    JsonNode body(int i) {
        try {
            return JsonProtocol.MAPPER.readTree(sent.get(i).params().get("MessageBody").asText());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
