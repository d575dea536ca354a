package dev.stride.service.dynamodb;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.spi.RecordStore;
import dev.stride.service.ServiceCall;
import dev.stride.service.ServiceException;
import dev.stride.service.ServiceRequest;
import dev.stride.service.ServiceResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** A test's DynamoDB: the service over a store, a clock the test moves, and calls written as JSON text with single quotes. */
final class Dynamo implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ACCOUNT = "123456789012";
    static final String REGION = "us-east-1";

    final AtomicLong clock;
    final RecordStore store;
    DynamoDbService service;

    Dynamo() { this(RecordStore.NONE, new AtomicLong(1_700_000_000_000L)); }

    Dynamo(RecordStore store, AtomicLong clock) {
        this.store = store;
        this.clock = clock;
        this.service = new DynamoDbService(store, clock::get);
    }

    /** A new service over the same records, as a server restarted after kill -9 would be. */
    void restart() {
        service.close();
        service = new DynamoDbService(store, clock::get);
    }

    static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text.replace('\'', '"'));
        } catch (IOException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    JsonNode call(String action, String params) { return call(action, params, null); }

    JsonNode call(String action, String params, String idempotencyKey) {
        return service.call(new ServiceCall(action, json(params), REGION, ACCOUNT, "http://localhost:8083", idempotencyKey));
    }

    ServiceException error(String action, String params) {
        ServiceException[] caught = new ServiceException[1];
        assertThatThrownBy(() -> call(action, params)).isInstanceOfSatisfying(ServiceException.class, e -> caught[0] = e);
        return caught[0];
    }

    /** The HTTP reply to a JSON-protocol request, as an SDK would send it. */
    ServiceResponse serve(String action, String params) {
        byte[] body = params.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
        return service.serve(new ServiceRequest("POST", "/", null,
                Map.of("X-Amz-Target", List.of("DynamoDB_20120810." + action), "Content-Type", List.of("application/x-amz-json-1.0")),
                body, REGION, ACCOUNT, "http://localhost:8083"));
    }

    static JsonNode body(ServiceResponse r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A PAY_PER_REQUEST table keyed by pk (S) and, when sortType is non-null, sk of that type. */
    void table(String name, String sortType) {
        String defs = "{'AttributeName':'pk','AttributeType':'S'}" + (sortType == null ? "" : ",{'AttributeName':'sk','AttributeType':'" + sortType + "'}");
        String keys = "{'AttributeName':'pk','KeyType':'HASH'}" + (sortType == null ? "" : ",{'AttributeName':'sk','KeyType':'RANGE'}");
        call("CreateTable", "{'TableName':'" + name + "','BillingMode':'PAY_PER_REQUEST','AttributeDefinitions':[" + defs + "],'KeySchema':[" + keys + "]}");
    }

    void put(String table, String item) { call("PutItem", "{'TableName':'" + table + "','Item':" + item + "}"); }

    JsonNode get(String table, String key) { return call("GetItem", "{'TableName':'" + table + "','Key':" + key + ",'ConsistentRead':true}").get("Item"); }

    @Override
    public void close() { service.close(); }
}
