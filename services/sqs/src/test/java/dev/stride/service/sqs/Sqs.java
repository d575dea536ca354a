package dev.stride.service.sqs;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.spi.RecordStore;
import dev.stride.service.ServiceCall;
import dev.stride.service.ServiceException;
import java.util.concurrent.atomic.AtomicLong;

/** A test's SQS: the service over a store, a clock the test moves, and calls written as JSON text. */
final class Sqs implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ENDPOINT = "http://localhost:8083";
    static final String ACCOUNT = "123456789012";

    final AtomicLong clock;
    final RecordStore store;
    SqsService service;
    String region = "us-east-1";

    Sqs() { this(RecordStore.NONE, new AtomicLong(1_700_000_000_000L)); }

    Sqs(RecordStore store, AtomicLong clock) {
        this.store = store;
        this.clock = clock;
        this.service = new SqsService(store, clock::get);
    }

    /** Builds a new service over the same records, as a server restarted after kill -9 would. */
    void restart() {
        service.close();
        service = new SqsService(store, clock::get);
    }

    void advanceSeconds(long s) { clock.addAndGet(s * 1000); }

    JsonNode call(String action, String json) { return call(action, json, null); }

    JsonNode call(String action, String json, String idempotencyKey) {
        try {
            ObjectNode params = (ObjectNode) JSON.readTree(json.replace('\'', '"'));
            return service.call(new ServiceCall(action, params, region, ACCOUNT, ENDPOINT, idempotencyKey));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    ServiceException error(String action, String json) {
        ServiceException[] caught = new ServiceException[1];
        assertThatThrownBy(() -> call(action, json)).isInstanceOfSatisfying(ServiceException.class, e -> caught[0] = e);
        return caught[0];
    }

    String createQueue(String name, String attributesJson) {
        return call("CreateQueue", "{'QueueName':'" + name + "','Attributes':" + attributesJson + "}").get("QueueUrl").asText();
    }

    String createQueue(String name) { return createQueue(name, "{}"); }

    JsonNode send(String url, String body) { return call("SendMessage", "{'QueueUrl':'" + url + "','MessageBody':'" + body + "'}"); }

    JsonNode receive(String url, int max) {
        return call("ReceiveMessage", "{'QueueUrl':'" + url + "','MaxNumberOfMessages':" + max
                + ",'MessageSystemAttributeNames':['All'],'MessageAttributeNames':['All']}").path("Messages");
    }

    void delete(String url, String handle) { call("DeleteMessage", "{'QueueUrl':'" + url + "','ReceiptHandle':'" + handle + "'}"); }

    String attribute(String url, String name) {
        return call("GetQueueAttributes", "{'QueueUrl':'" + url + "','AttributeNames':['" + name + "']}").path("Attributes").path(name).asText(null);
    }

    @Override
    public void close() { service.close(); }
}
