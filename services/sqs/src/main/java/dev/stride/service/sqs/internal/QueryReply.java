package dev.stride.service.sqs.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.service.Xml;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Writes an action's JSON reply as the query protocol's XML, with SQS's flattened lists:
 * {@code Attributes} become repeated {@code <Attribute><Name/><Value/></Attribute>},
 * {@code Messages} repeated {@code <Message>}, {@code QueueUrls} repeated {@code <QueueUrl>},
 * batch results {@code <SendMessageBatchResultEntry>} and {@code <BatchResultErrorEntry>}.
 */
public final class QueryReply {
    public static final String NAMESPACE = "http://queue.amazonaws.com/doc/2012-11-05/";
    /** Actions whose reply has no Result element, only the request id. */
    private static final Set<String> NO_RESULT = Set.of("DeleteQueue", "SetQueueAttributes", "DeleteMessage", "ChangeMessageVisibility",
            "PurgeQueue", "TagQueue", "UntagQueue", "AddPermission", "RemovePermission");

    private QueryReply() {}

    public static byte[] write(String action, JsonNode result, String requestId) {
        Xml x = Xml.response(action + "Response", NAMESPACE);
        if (!NO_RESULT.contains(action)) {
            x.open(action + "Result");
            members(x, action, result);
            x.close();
        }
        return x.endResponse(requestId);
    }

    private static void members(Xml x, String action, JsonNode o) {
        for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            switch (e.getKey()) {
                case "Attributes" -> pairs(x, "Attribute", "Name", v);
                case "Tags" -> pairs(x, "Tag", "Key", v);
                case "MessageAttributes" -> {
                    for (Iterator<Map.Entry<String, JsonNode>> a = v.fields(); a.hasNext(); ) {
                        Map.Entry<String, JsonNode> attr = a.next();
                        x.open("MessageAttribute").text("Name", attr.getKey()).open("Value");
                        members(x, action, attr.getValue());
                        x.close().close();
                    }
                }
                case "QueueUrls", "queueUrls" -> each(x, "QueueUrl", v, action);
                case "Messages" -> each(x, "Message", v, action);
                case "Successful" -> each(x, action + "ResultEntry", v, action);
                case "Failed" -> each(x, "BatchResultErrorEntry", v, action);
                case "Results" -> each(x, action + "ResultEntry", v, action);
                default -> {
                    if (v.isArray()) each(x, e.getKey(), v, action);
                    else if (v.isObject()) {
                        x.open(e.getKey());
                        members(x, action, v);
                        x.close();
                    } else if (!v.isNull()) x.text(e.getKey(), v.asText());
                }
            }
        }
    }

    private static void pairs(Xml x, String element, String keyName, JsonNode map) {
        for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            x.open(element).text(keyName, e.getKey()).text("Value", e.getValue().asText()).close();
        }
    }

    private static void each(Xml x, String element, JsonNode list, String action) {
        for (JsonNode v : list) {
            if (v.isObject()) {
                x.open(element);
                members(x, action, v);
                x.close();
            } else {
                x.text(element, v.asText());
            }
        }
    }
}
