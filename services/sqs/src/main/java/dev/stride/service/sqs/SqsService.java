package dev.stride.service.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.spi.RecordStore;
import dev.stride.service.AwsService;
import dev.stride.service.Inspectable;
import dev.stride.service.JsonProtocol;
import dev.stride.service.ServiceCall;
import dev.stride.service.ServiceException;
import dev.stride.service.ServiceRequest;
import dev.stride.service.ServiceResponse;
import dev.stride.service.Xml;
import dev.stride.service.sqs.internal.QueryReply;
import dev.stride.service.sqs.internal.QueryRequest;
import dev.stride.service.sqs.internal.SqsActions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;

/**
 * Amazon SQS on Stride's endpoint: standard and FIFO queues, durable in a {@link RecordStore}.
 * Clients speak AWS JSON 1.0 ({@code X-Amz-Target: AmazonSQS.SendMessage}, today's SDKs and
 * CLI) or the query protocol ({@code Action=SendMessage}, older SDKs); Task states call
 * {@link #call} in-process. All three run the same actions.
 *
 * <pre>{@code
 * try (SqsService sqs = new SqsService(store, System::currentTimeMillis)) {
 *     endpoint.register(sqs);
 * }
 * }</pre>
 */
public final class SqsService implements AwsService, Inspectable, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SqsService.class.getName());
    private static final String NAMESPACE = "com.amazonaws.sqs";
    private static final String TARGET_PREFIX = "AmazonSQS.";
    private static final String JSON_1_0 = "application/x-amz-json-1.0";

    private final SqsActions actions;

    /**
     * Reads every queue and message back from {@code store} and starts the background
     * housekeeping (retention, deduplication windows).
     *
     * @param store       where queues and messages are kept; {@link RecordStore#NONE} keeps them in memory only
     * @param clockMillis the time in epoch milliseconds (injected so tests can move it)
     */
    public SqsService(RecordStore store, LongSupplier clockMillis) {
        this.actions = new SqsActions(store, clockMillis);
    }

    @Override
    public String signingName() { return "sqs"; }

    @Override
    public List<String> targetPrefixes() { return List.of(TARGET_PREFIX); }

    @Override
    public Set<String> queryActions() { return actions.names(); }

    @Override
    public JsonNode call(ServiceCall call) { return actions.run(call); }

    /** {@code PeekMessages}: a queue's messages without receiving them (for the console). */
    @Override
    public JsonNode inspect(ServiceCall call) { return actions.inspect(call); }

    @Override
    public ServiceResponse serve(ServiceRequest request) {
        String requestId = requestId();
        String target = JsonProtocol.action(request, TARGET_PREFIX);
        return target != null ? serveJson(request, target, requestId) : serveQuery(request, requestId);
    }

    private ServiceResponse serveJson(ServiceRequest request, String action, String requestId) {
        String type = request.header("content-type");
        String contentType = type == null || type.isEmpty() ? JSON_1_0 : type;
        try {
            ObjectNode params = JsonProtocol.params(request);
            JsonNode reply = actions.run(new ServiceCall(action, params, request.region(), request.account(), request.endpoint(), null));
            return JsonProtocol.reply(contentType, reply, requestId);
        } catch (ServiceException e) {
            return JsonProtocol.error(contentType, NAMESPACE, unknownOperation(e, action), requestId);
        } catch (RuntimeException e) {
            return JsonProtocol.error(contentType, NAMESPACE, internal(action, e), requestId);
        }
    }

    /** The JSON protocol names an action it lacks UnknownOperationException, where the query protocol says InvalidAction. */
    private static ServiceException unknownOperation(ServiceException e, String action) {
        if (!e.code().equals("InvalidAction")) return e;
        return new ServiceException("UnknownOperationException", "UnknownOperationException", 400, true, "The action " + action + " is not valid for this endpoint.");
    }

    private ServiceResponse serveQuery(ServiceRequest request, String requestId) {
        String action = null;
        try {
            Map<String, String> form = request.form();
            action = form.get("Action");
            if (action == null || action.isEmpty()) throw ServiceException.client("MissingAction", "The request must contain the parameter Action.");
            ObjectNode params = QueryRequest.params(action, form, request.path(), request.endpoint());
            JsonNode reply = actions.run(new ServiceCall(action, params, request.region(), request.account(), request.endpoint(), null));
            return ServiceResponse.of(200, "text/xml", QueryReply.write(action, reply, requestId));
        } catch (ServiceException e) {
            return queryError(e, requestId);
        } catch (RuntimeException e) {
            return queryError(internal(action, e), requestId);
        }
    }

    private static ServiceResponse queryError(ServiceException e, String requestId) {
        return new ServiceResponse(e.status(), "text/xml", Map.of("x-amzn-RequestId", requestId), Xml.error(e, requestId));
    }

    private static ServiceException internal(String action, RuntimeException e) {
        LOG.log(System.Logger.Level.ERROR, "SQS " + action + " failed unexpectedly", e);
        return new ServiceException("InternalError", "InternalError", 500, false, "We encountered an internal error. Please try again.");
    }

    private static String requestId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return new UUID((r.nextLong() & ~0xF000L) | 0x4000L, (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L).toString();
    }

    /** Stops the background housekeeping and finishes the writes already appended. */
    @Override
    public void close() { actions.close(); }
}
