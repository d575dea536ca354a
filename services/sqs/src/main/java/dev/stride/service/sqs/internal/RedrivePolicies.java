package dev.stride.service.sqs.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Function;

/** The RedrivePolicy attribute: AWS's checks and texts, and the normal form it is returned in. */
final class RedrivePolicies {
    private RedrivePolicies() {}

    static String check(String text, boolean sourceIsFifo, Function<String, Boolean> dlqIsFifo) {
        ObjectNode p = Json.parseObject(text);
        if (p == null) throw invalid(text, "Redrive policy is not a valid JSON map.");
        JsonNode arn = p.get("deadLetterTargetArn");
        if (arn == null || arn.asText().isEmpty()) throw invalid(text, "Redrive policy does not contain mandatory attribute: deadLetterTargetArn.");
        JsonNode count = p.get("maxReceiveCount");
        if (count == null) throw invalid(text, "Redrive policy does not contain mandatory attribute: maxReceiveCount.");
        int n;
        try {
            n = Integer.parseInt(count.asText().trim());
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 1 || n > 1000) {
            throw invalid(text, "Invalid value for maxReceiveCount: " + count.asText() + ", valid values are from 1 to 1000 both inclusive.");
        }
        Boolean targetFifo = dlqIsFifo.apply(arn.asText());
        if (targetFifo == null) throw invalid(text, "Dead letter target does not exist.");
        if (targetFifo != sourceIsFifo) throw invalid(text, "Dead-letter queue must be same type of queue as the source.");
        ObjectNode normal = Json.object();
        normal.put("deadLetterTargetArn", arn.asText());
        normal.put("maxReceiveCount", n);
        return Json.write(normal);
    }

    static QueueSettings.Redrive parseStored(String text) {
        ObjectNode p = Json.parseObject(text);
        if (p == null) return null;
        return new QueueSettings.Redrive(p.path("deadLetterTargetArn").asText(), p.path("maxReceiveCount").asInt());
    }

    private static RuntimeException invalid(String text, String reason) {
        return Errors.invalidParameter("RedrivePolicy", text, reason);
    }
}
