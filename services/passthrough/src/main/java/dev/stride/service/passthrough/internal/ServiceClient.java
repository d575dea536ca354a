package dev.stride.service.passthrough.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.service.ServiceCall;
import dev.stride.service.ServiceException;
import dev.stride.service.passthrough.Remote;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * One service's AWS SDK v2 client, driven by name: {@code invoke("SendMessage", params)} finds
 * {@code SqsClient.sendMessage(SendMessageRequest)}, builds the request from the JSON parameters
 * and turns the response back into JSON, all through the SDK's field metadata, so a service
 * gets pass-through calls by having its client class on the classpath.
 *
 * <p>Operations with a streamed body (S3's PutObject and GetObject) take and give their
 * {@code Body} member as UTF-8 text, as Step Functions' aws-sdk integration does.
 */
public final class ServiceClient implements AutoCloseable {
    private final String signingName;
    private final Remote remote;
    private final SdkHttpClient http;
    private final SdkClient client;
    /** Operations by lower-cased name, so {@code GetSMSAttributes} finds {@code getSMSAttributes}. */
    private final Map<String, Method> operations = new HashMap<>();

    private ServiceClient(String signingName, Remote remote, Class<?> clientClass) {
        this.signingName = signingName;
        this.remote = remote;
        this.http = UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(10)).socketTimeout(Duration.ofSeconds(70)).build();
        this.client = build(clientClass);
        for (Method m : clientClass.getMethods()) {
            if (Modifier.isStatic(m.getModifiers()) || m.getParameterCount() == 0) continue;
            Class<?> first = m.getParameterTypes()[0];
            boolean plain = m.getParameterCount() == 1;
            boolean upload = m.getParameterCount() == 2 && m.getParameterTypes()[1] == RequestBody.class;
            if (SdkRequest.class.isAssignableFrom(first) && (plain || upload)) {
                operations.merge(m.getName().toLowerCase(Locale.ROOT), m, (a, b) -> a.getParameterCount() <= b.getParameterCount() ? a : b);
            }
        }
    }

    /** The client for a service's signing name ({@code sqs}); a ServiceException when Stride has none. */
    public static ServiceClient open(String signingName, Remote remote) {
        return new ServiceClient(signingName, remote, ClientClasses.of(signingName));
    }

    /**
     * Runs the call's action on the remote.
     *
     * @throws ServiceException the remote's error, ValidationException for an unknown action or
     *                          parameter, ServiceUnavailable when the remote cannot be reached
     */
    public JsonNode invoke(ServiceCall call) {
        Method operation = operations.get(call.action().toLowerCase(Locale.ROOT));
        if (operation == null) {
            throw PojoReader.invalid("Unknown action '" + call.action() + "' for " + signingName + " (the AWS SDK's "
                    + client.getClass().getInterfaces()[0].getSimpleName() + " has no such operation)");
        }
        ObjectNode params = call.params().deepCopy();
        boolean upload = operation.getParameterCount() == 2;
        JsonNode body = upload ? params.remove("Body") : null;
        Object request = PojoReader.read(builders(operation.getParameterTypes()[0]), params, call.action());
        Object reply;
        try {
            reply = upload ? operation.invoke(client, request, requestBody(body)) : operation.invoke(client, request);
        } catch (InvocationTargetException e) {
            throw SdkErrors.of(e.getCause(), signingName, remote.endpoint());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + operation, e);
        }
        return result(reply);
    }

    private SdkClient build(Class<?> clientClass) {
        Object builder;
        try {
            builder = clientClass.getMethod("builder").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(clientClass.getName() + " has no builder()", e);
        }
        AwsClientBuilder<?, ?> aws = (AwsClientBuilder<?, ?>) builder;
        aws.region(Region.of(remote.region()));
        aws.credentialsProvider(RemoteCredentials.of(remote));
        if (remote.endpoint() != null) {
            aws.endpointOverride(remote.endpoint());
            // an AWS-compatible endpoint (LocalStack, MinIO) rarely serves S3's bucket subdomains
            forcePathStyle(builder, clientClass);
        }
        ((SdkSyncClientBuilder<?, ?>) builder).httpClient(http);
        return (SdkClient) aws.build();
    }

    private static void forcePathStyle(Object builder, Class<?> clientClass) {
        try {
            Method m = clientClass.getMethod("builder").getReturnType().getMethod("forcePathStyle", Boolean.class);
            m.invoke(builder, Boolean.TRUE);
        } catch (NoSuchMethodException e) {
            // not S3
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot set forcePathStyle", e);
        }
    }

    private static Supplier<SdkPojo> builders(Class<?> requestClass) {
        Method builder;
        try {
            builder = requestClass.getMethod("builder");
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(requestClass.getName() + " has no builder()", e);
        }
        return () -> {
            try {
                return (SdkPojo) builder.invoke(null);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot make a " + requestClass.getName(), e);
            }
        };
    }

    private static RequestBody requestBody(JsonNode body) {
        if (body == null || body.isNull()) return RequestBody.empty();
        return RequestBody.fromString(body.isValueNode() ? body.asText() : body.toString(), StandardCharsets.UTF_8);
    }

    /** The response as JSON; a streamed reply ({@code ResponseInputStream}) read whole into {@code Body}. */
    private JsonNode result(Object reply) {
        if (reply instanceof SdkPojo pojo) return PojoWriter.write(pojo);
        if (reply instanceof InputStream in) {
            try (in) {
                byte[] bytes = in.readAllBytes();
                Object response = reply.getClass().getMethod("response").invoke(reply);
                ObjectNode out = PojoWriter.write((SdkPojo) response);
                out.put("Body", new String(bytes, StandardCharsets.UTF_8));
                return out;
            } catch (IOException e) {
                throw SdkErrors.of(SdkClientException.builder().message(e.getMessage()).cause(e).build(), signingName, remote.endpoint());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read a streamed " + signingName + " reply", e);
            }
        }
        throw new IllegalStateException("the AWS SDK answered with a " + (reply == null ? "null" : reply.getClass().getName()));
    }

    @Override
    public void close() {
        client.close();
        http.close();
    }
}
