package dev.stride.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.service.AwsService;
import dev.stride.service.ServiceCall;
import dev.stride.service.ServiceException;
import dev.stride.service.ServiceRequest;
import dev.stride.service.ServiceResponse;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A stand-in for a local service: records every in-process call and answers it with a function of the call. */
final class RecordingService implements AwsService {
    final List<ServiceCall> calls = new CopyOnWriteArrayList<>();
    private final String name;
    private final Set<String> actions;
    private final Function<ServiceCall, JsonNode> answer;

    RecordingService(String name, Set<String> actions, Function<ServiceCall, JsonNode> answer) {
        this.name = name;
        this.actions = actions;
        this.answer = answer;
    }

    ServiceCall last() { return calls.get(calls.size() - 1); }

    @Override
    public String signingName() { return name; }

    @Override
    public List<String> targetPrefixes() { return List.of(); }

    @Override
    public Set<String> queryActions() { return actions; }

    @Override
    public ServiceResponse serve(ServiceRequest request) { throw new UnsupportedOperationException("in-process calls only"); }

    @Override
    public JsonNode call(ServiceCall call) {
        calls.add(call);
        return answer.apply(call);
    }

    static ServiceException noSuchQueue() {
        return new ServiceException("QueueDoesNotExist", "AWS.SimpleQueueService.NonExistentQueue", 400, true,
                "The specified queue does not exist.");
    }

    static ServiceException missingParameter(String name) {
        return ServiceException.client("MissingParameter", "The request must contain the parameter " + name + ".");
    }

    static ServiceException noSuchTopic() { return new ServiceException("NotFoundException", "NotFound", 404, true, "Topic does not exist"); }
}
