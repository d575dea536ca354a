package dev.stride.service.sns.internal;

import java.util.Set;

/** Which protocols a topic takes and what each one's Endpoint must look like, with AWS's texts. */
final class Endpoints {
    static final Set<String> PROTOCOLS = Set.of("sqs", "http", "https", "lambda", "email", "email-json");

    private Endpoints() {}

    static void check(String protocol, String endpoint, Topic topic) {
        if (!PROTOCOLS.contains(protocol)) {
            throw SnsErrors.invalidParameter("Amazon SNS does not support this protocol string: " + protocol);
        }
        if (endpoint == null || endpoint.isEmpty()) throw SnsErrors.invalidParameter("Endpoint");
        switch (protocol) {
            case "sqs" -> {
                if (SnsArn.parse(endpoint, "sqs") == null) throw SnsErrors.invalidParameter("SQS endpoint ARN");
                if (!topic.fifo() && endpoint.endsWith(".fifo")) throw SnsErrors.invalidParameter("Invalid parameter: Endpoint Reason: Please use FIFO SNS topic");
            }
            case "http", "https" -> {
                if (!endpoint.regionMatches(true, 0, protocol + "://", 0, protocol.length() + 3)) {
                    throw SnsErrors.invalidParameter("Endpoint must match the specified protocol");
                }
            }
            case "lambda" -> {
                if (SnsArn.parse(endpoint, "lambda") == null) throw SnsErrors.invalidParameter("Lambda endpoint ARN");
            }
            default -> {
                int at = endpoint.indexOf('@');
                if (at <= 0 || at == endpoint.length() - 1 || endpoint.chars().anyMatch(Character::isWhitespace)) {
                    throw SnsErrors.invalidParameter("Email address");
                }
            }
        }
        if (topic.fifo() && !protocol.equals("sqs")) {
            throw SnsErrors.invalidParameter("Endpoint Reason: FIFO SNS Topics currently only support Amazon SQS FIFO queues as endpoints");
        }
    }
}
