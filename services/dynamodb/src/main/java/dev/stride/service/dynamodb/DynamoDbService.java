package dev.stride.service.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.spi.RecordStore;
import dev.stride.service.AwsService;
import dev.stride.service.JsonProtocol;
import dev.stride.service.ServiceCall;
import dev.stride.service.ServiceException;
import dev.stride.service.ServiceRequest;
import dev.stride.service.ServiceResponse;
import dev.stride.service.dynamodb.internal.DynamoDbActions;
import dev.stride.service.dynamodb.internal.Errors;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;

/**
 * Amazon DynamoDB on Stride's endpoint: tables with their secondary indexes, items, queries,
 * scans, batches, transactions and TTL, kept in memory and durable in a {@link RecordStore}.
 * Clients speak AWS JSON 1.0 ({@code X-Amz-Target: DynamoDB_20120810.PutItem}); Task states call
 * {@link #call} in-process. Both run the same actions.
 *
 * <pre>{@code
 * try (DynamoDbService dynamodb = new DynamoDbService(store, System::currentTimeMillis)) {
 *     endpoint.register(dynamodb);
 * }
 * }</pre>
 */
public final class DynamoDbService implements AwsService, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(DynamoDbService.class.getName());
    private static final String TARGET_PREFIX = "DynamoDB_20120810.";
    private static final String JSON_1_0 = "application/x-amz-json-1.0";

    private final DynamoDbActions actions;

    /**
     * Reads every table and item back from {@code store} and starts the background housekeeping
     * (TTL expiry).
     *
     * @param store       where tables and items are kept; {@link RecordStore#NONE} keeps them in memory only
     * @param clockMillis the time in epoch milliseconds (injected so tests can move it)
     */
    public DynamoDbService(RecordStore store, LongSupplier clockMillis) {
        this.actions = new DynamoDbActions(store, clockMillis);
    }

    @Override
    public String signingName() { return "dynamodb"; }

    @Override
    public List<String> targetPrefixes() { return List.of(TARGET_PREFIX); }

    /** DynamoDB has no query protocol. */
    @Override
    public Set<String> queryActions() { return Set.of(); }

    @Override
    public JsonNode call(ServiceCall call) {
        try {
            return actions.run(call);
        } catch (Errors.Detailed e) {
            throw e.error();
        }
    }

    @Override
    public ServiceResponse refuse(ServiceRequest request, ServiceException e) { return error(e, null, false, requestId()); }

    @Override
    public ServiceResponse serve(ServiceRequest request) {
        String requestId = requestId();
        String action = JsonProtocol.action(request, TARGET_PREFIX);
        try {
            if (action == null) throw ServiceException.client("UnknownOperationException", null);
            ObjectNode params = JsonProtocol.params(request);
            JsonNode reply = actions.run(new ServiceCall(action, params, request.region(), request.account(), request.endpoint(), null));
            return JsonProtocol.reply(JSON_1_0, reply, requestId);
        } catch (Errors.Detailed e) {
            return error(e.error(), e.members(), e.capitalMessage(), requestId);
        } catch (ServiceException e) {
            return error(e, null, false, requestId);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "DynamoDB " + action + " failed unexpectedly", e);
            return error(new ServiceException("InternalServerError", "InternalServerError", 500, false, "Internal server error"), null, false, requestId);
        }
    }

    /**
     * DynamoDB's error body: {@code __type} with the namespace AWS uses for that error,
     * {@code message} (TransactionCanceledException writes {@code Message}), and the error's own
     * members. The SDKs and the CLI read the part after {@code #}.
     */
    private static ServiceResponse error(ServiceException e, ObjectNode members, boolean capitalMessage, String requestId) {
        ObjectNode body = JsonProtocol.MAPPER.createObjectNode();
        body.put("__type", Errors.namespaceOf(e.type()) + "#" + e.type());
        if (members != null) body.setAll(members);
        if (e.getMessage() != null) body.put(capitalMessage ? "Message" : "message", e.getMessage());
        try {
            return new ServiceResponse(e.status(), JSON_1_0, Map.of("x-amzn-RequestId", requestId), JsonProtocol.MAPPER.writeValueAsBytes(body));
        } catch (IOException io) {
            throw new IllegalStateException("cannot write a JSON error", io);
        }
    }

    private static String requestId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return new UUID((r.nextLong() & ~0xF000L) | 0x4000L, (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L).toString();
    }

    /** One round of the background housekeeping now; returns the expired items it deleted (tests drive it with their clock). */
    int sweep() { return actions.sweep(); }

    /** Stops the housekeeping and finishes the writes already appended. */
    @Override
    public void close() { actions.close(); }
}
