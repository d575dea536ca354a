package dev.stride.service.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.spi.RecordStore;
import dev.stride.service.AwsService;
import dev.stride.service.JsonProtocol;
import dev.stride.service.ServiceCall;
import dev.stride.service.ServiceException;
import dev.stride.service.ServiceRequest;
import dev.stride.service.ServiceResponse;
import dev.stride.service.logs.internal.LogActions;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * Amazon CloudWatch Logs on Stride's endpoint, the part that jobs and containers write and users
 * read: log groups and streams, PutLogEvents, GetLogEvents, FilterLogEvents (enough for
 * {@code aws logs tail} and {@code aws logs get-log-events}). AWS JSON 1.1
 * ({@code X-Amz-Target: Logs_20140328.PutLogEvents}); durable in a {@link RecordStore}.
 */
public final class LogsService implements AwsService {
    private static final String TARGET_PREFIX = "Logs_20140328.";
    private static final String JSON_1_1 = "application/x-amz-json-1.1";
    private static final System.Logger LOG = System.getLogger(LogsService.class.getName());

    private final LogActions actions;

    /** Reads every group, stream and event back from the store. */
    public LogsService(RecordStore store, LongSupplier clockMillis) { this.actions = new LogActions(store, clockMillis); }

    @Override
    public String signingName() { return "logs"; }

    @Override
    public List<String> targetPrefixes() { return List.of(TARGET_PREFIX); }

    @Override
    public Set<String> queryActions() { return Set.of(); }

    @Override
    public JsonNode call(ServiceCall call) { return actions.run(call.action(), LogActions.camel(call.params()), call.region(), call.account()); }

    @Override
    public ServiceResponse serve(ServiceRequest request) {
        String requestId = UUID.randomUUID().toString();
        String action = JsonProtocol.action(request, TARGET_PREFIX);
        try {
            if (action == null) throw new ServiceException("UnknownOperationException", "UnknownOperationException", 400, true, "Missing X-Amz-Target");
            ObjectNode params = JsonProtocol.params(request);
            return JsonProtocol.reply(JSON_1_1, actions.run(action, params, request.region(), request.account()), requestId);
        } catch (ServiceException e) {
            return JsonProtocol.error(JSON_1_1, null, e, requestId);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "CloudWatch Logs " + action + " failed unexpectedly", e);
            return JsonProtocol.error(JSON_1_1, null, new ServiceException("ServiceUnavailableException", "ServiceUnavailableException", 500, false,
                    "Internal error: " + e), requestId);
        }
    }
}
