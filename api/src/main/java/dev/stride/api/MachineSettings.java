package dev.stride.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The configuration blocks a state machine (and for encryption, an activity) is created with:
 * logging, tracing, encryption. AWS checks them, fills in what was left out, and shows every block
 * in DescribeStateMachine with its defaults ({@code {"level":"OFF","includeExecutionData":false}},
 * {@code {"enabled":false}}, {@code {"type":"AWS_OWNED_KEY"}}) even when none was given; tools
 * that diff a machine against its description (Terraform, CDK drift checks) rely on that. Stride
 * keeps them as given: nothing is logged to CloudWatch, traced or encrypted with KMS locally.
 */
final class MachineSettings {
    static final JsonNode DEFAULT_LOGGING = Wire.object().put("level", "OFF").put("includeExecutionData", false);
    static final JsonNode DEFAULT_TRACING = Wire.object().put("enabled", false);
    static final JsonNode DEFAULT_ENCRYPTION = Wire.object().put("type", "AWS_OWNED_KEY");
    private static final List<String> LEVELS = List.of("ALL", "ERROR", "FATAL", "OFF");
    private static final List<String> ENCRYPTIONS = List.of("AWS_OWNED_KEY", "CUSTOMER_MANAGED_KMS_KEY");

    private MachineSettings() {}

    /** loggingConfiguration: level (default OFF), includeExecutionData (default false), one destination unless OFF. */
    static JsonNode logging(JsonNode given) {
        if (given == null || given.isNull()) return DEFAULT_LOGGING;
        if (!given.isObject()) throw ApiError.SERIALIZATION.with("loggingConfiguration must be an object");
        String level = given.path("level").asText("OFF");
        if (!LEVELS.contains(level)) {
            throw ApiError.constraint("'" + level + "'", "loggingConfiguration.level", "Member must satisfy enum value set: " + LEVELS);
        }
        JsonNode destinations = given.path("destinations");
        int count = destinations.isArray() ? destinations.size() : 0;
        if (!level.equals("OFF") && count != 1 || count > 1) {
            throw ApiError.INVALID_LOGGING_CONFIGURATION.with("Invalid Logging Configuration: Must specify exactly one Log Destination.");
        }
        ObjectNode out = Wire.object().put("level", level).put("includeExecutionData", given.path("includeExecutionData").asBoolean(false));
        if (count == 1) {
            // AWS also looks the log group up; Stride only checks that it names one.
            String group = destinations.get(0).path("cloudWatchLogsLogGroup").path("logGroupArn").asText("");
            if (!group.startsWith("arn:") || !group.contains(":log-group:")) {
                throw ApiError.INVALID_LOGGING_CONFIGURATION.with("Invalid Logging Configuration: Log Destination not found.");
            }
        }
        // An empty list given is shown as given (recorded: "destinations": [] with level OFF).
        if (destinations.isArray()) {
            ArrayNode kept = out.putArray("destinations");
            destinations.forEach(kept::add);
        }
        return out;
    }

    /** tracingConfiguration: enabled (default false). */
    static JsonNode tracing(JsonNode given) {
        if (given == null || given.isNull()) return DEFAULT_TRACING;
        if (!given.isObject()) throw ApiError.SERIALIZATION.with("tracingConfiguration must be an object");
        JsonNode enabled = given.path("enabled");
        if (!enabled.isMissingNode() && !enabled.isBoolean()) throw ApiError.SERIALIZATION.with("tracingConfiguration.enabled must be a boolean");
        return Wire.object().put("enabled", enabled.asBoolean(false));
    }

    /**
     * encryptionConfiguration: AWS_OWNED_KEY (the default), or CUSTOMER_MANAGED_KMS_KEY with a
     * kmsKeyId and optionally kmsDataKeyReusePeriodSeconds (60-900, default 300).
     */
    static JsonNode encryption(JsonNode given) {
        if (given == null || given.isNull()) return DEFAULT_ENCRYPTION;
        if (!given.isObject()) throw ApiError.SERIALIZATION.with("encryptionConfiguration must be an object");
        String type = given.path("type").asText("");
        if (!ENCRYPTIONS.contains(type)) {
            throw ApiError.constraint(given.has("type") ? "'" + type + "'" : "null", "encryptionConfiguration.type",
                    given.has("type") ? "Member must satisfy enum value set: " + ENCRYPTIONS : "Member must not be null");
        }
        String key = given.path("kmsKeyId").asText(null);
        if (type.equals("AWS_OWNED_KEY")) {
            if (key != null || given.has("kmsDataKeyReusePeriodSeconds")) {
                throw ApiError.INVALID_ENCRYPTION_CONFIGURATION.with(
                        "Invalid Encryption Configuration: kmsKeyId and kmsDataKeyReusePeriodSeconds are only valid with CUSTOMER_MANAGED_KMS_KEY");
            }
            return DEFAULT_ENCRYPTION;
        }
        if (key == null || key.isEmpty() || key.length() > 2048) {
            throw ApiError.INVALID_ENCRYPTION_CONFIGURATION.with("Invalid Encryption Configuration: kmsKeyId is required for CUSTOMER_MANAGED_KMS_KEY");
        }
        int reuse = given.path("kmsDataKeyReusePeriodSeconds").asInt(300);
        if (reuse < 60) {
            throw ApiError.constraint("'" + reuse + "'", "encryptionConfiguration.kmsDataKeyReusePeriodSeconds", "Member must have value greater than or equal to 60");
        }
        if (reuse > 900) {
            throw ApiError.constraint("'" + reuse + "'", "encryptionConfiguration.kmsDataKeyReusePeriodSeconds", "Member must have value less than or equal to 900");
        }
        return Wire.object().put("type", type).put("kmsKeyId", key).put("kmsDataKeyReusePeriodSeconds", reuse);
    }
}
