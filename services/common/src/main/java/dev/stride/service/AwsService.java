package dev.stride.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;

/**
 * One local AWS service on Stride's endpoint (SQS, SNS, ...). The endpoint routes a request to
 * the service by what the client says it speaks: its {@code X-Amz-Target} prefix, the SigV4
 * credential scope's service, or its query {@code Action}; see {@link #targetPrefixes},
 * {@link #signingName}, {@link #queryActions}.
 *
 * <p>Two ways in: {@link #serve} takes an HTTP request in any protocol the service speaks
 * (clients); {@link #call} takes an action and its parameters in the API's JSON shape (Task
 * states, in-process). Both end in the same operation code.
 */
public interface AwsService {
    /** The SigV4 signing name and credential-scope service: {@code sqs}, {@code sns}, ... */
    String signingName();

    /** {@code X-Amz-Target} prefixes of its JSON protocol, such as {@code AmazonSQS.}; empty when it has none. */
    List<String> targetPrefixes();

    /** The actions it answers in the query protocol (form-encoded {@code Action=...}). */
    Set<String> queryActions();

    /**
     * Path prefixes of its REST protocol ({@code /v1/} for Batch) that reach it even unsigned
     * (curl, a test without credentials); empty when it has none. Signed requests are routed by
     * the signature's service instead.
     */
    default List<String> restPathPrefixes() { return List.of(); }

    /**
     * An error reply in the protocol the request speaks, for errors found before the service
     * sees the request (a bad signature): JSON with {@code __type} for a JSON-protocol request,
     * the query protocol's XML otherwise.
     */
    default ServiceResponse refuse(ServiceRequest request, ServiceException e) {
        String requestId = java.util.UUID.randomUUID().toString();
        if (request.header("x-amz-target") != null) return JsonProtocol.error("application/x-amz-json-1.0", null, e, requestId);
        return new ServiceResponse(e.status(), "text/xml", java.util.Map.of("x-amzn-RequestId", requestId), Xml.error(e, requestId));
    }

    /** Serves one HTTP request. Never throws for bad input: errors are replies in the protocol's shape. */
    ServiceResponse serve(ServiceRequest request);

    /**
     * Runs an action in-process with its parameters as the API's JSON shape (PascalCase members,
     * as the AWS JSON protocol and Step Functions' aws-sdk integrations write them) and returns
     * the API's reply in the same shape.
     *
     * @throws ServiceException AWS's error for bad input, a missing resource, ...
     */
    JsonNode call(ServiceCall call);
}
