package dev.stride.api.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What the console reads and does, in-process: Step Functions actions through the API's own
 * action table (so pages show exactly what DescribeExecution, ListExecutions and
 * GetExecutionHistory answer), and read-only calls to the local services.
 */
public interface Backend {
    /**
     * Runs a Step Functions action ({@code DescribeExecution}) with its request in the API's JSON shape.
     *
     * @throws Failure the API's error
     */
    JsonNode stepFunctions(String action, ObjectNode request);

    /** Every item of a paged Step Functions list ({@code member} of each page), following nextToken. */
    default List<JsonNode> every(String action, ObjectNode request, String member) {
        List<JsonNode> out = new ArrayList<>();
        ObjectNode req = request.deepCopy().put("maxResults", 1000);
        while (true) {
            JsonNode page = stepFunctions(action, req);
            page.path(member).forEach(out::add);
            if (!page.hasNonNull("nextToken")) return out;
            req.put("nextToken", page.get("nextToken").asText());
        }
    }

    /** The signing names of the local services the server runs ({@code sqs}, {@code dynamodb}, ...). */
    List<String> services();

    /**
     * Runs an action of a local service in-process ({@code AwsService.call}).
     *
     * @throws Failure the service's error, or when the server does not run that service
     */
    JsonNode service(String signingName, String action, ObjectNode params);

    /**
     * A read-only extra a service offers the console beyond its API (an SQS queue's messages
     * without receiving them), or null when it offers none.
     */
    default JsonNode inspect(String signingName, String what, ObjectNode params) { return null; }

    /**
     * True when the server checks signatures: the console then asks the browser to sign in with
     * one of its access keys ({@link #acceptsKey}) and only reads (it cannot sign for the user).
     */
    boolean readOnly();

    /** True when this id and secret are one of the access keys the server accepts. */
    default boolean acceptsKey(String accessKeyId, String secretAccessKey) { return false; }

    /** An error with the API's type ({@code ExecutionDoesNotExist}) and message. */
    final class Failure extends RuntimeException {
        public final String type;

        public Failure(String type, String message) {
            super(message);
            this.type = type;
        }
    }
}
