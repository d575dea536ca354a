package dev.stride.worker.example;

import dev.stride.worker.ActivityWorker;
import dev.stride.worker.TaskFailure;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * A runnable example worker: greets the {@code name} of each task's input, and fails tasks
 * without one with the error {@code Greeter.NoName}.
 *
 * <pre>
 * ./stride server &amp;
 * aws stepfunctions --endpoint-url http://localhost:8083 create-activity --name greeter
 * java -cp worker/target/stride-worker-0.1.0-SNAPSHOT.jar:$(deps) dev.stride.worker.example.GreeterWorker \
 *     http://localhost:8083 arn:aws:states:us-east-1:123456789012:activity:greeter
 * </pre>
 */
public final class GreeterWorker {
    private GreeterWorker() {}

    public static void main(String[] args) throws InterruptedException {
        String endpoint = args.length > 0 ? args[0] : "http://localhost:8083";
        String activityArn = args.length > 1 ? args[1] : "arn:aws:states:us-east-1:123456789012:activity:greeter";
        SfnClient sfn = SfnClient.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build();
        ActivityWorker.start(sfn, activityArn, "greeter-1", GreeterWorker::greet);
        System.out.println("greeter worker polling " + activityArn + " at " + endpoint);
        Thread.currentThread().join();
    }

    /** The handler: {"name": "Ada"} becomes {"greeting": "Hello, Ada!"}. */
    public static String greet(String input) throws TaskFailure {
        int at = input.indexOf("\"name\"");
        if (at < 0) throw new TaskFailure("Greeter.NoName", "the input has no name: " + input);
        int start = input.indexOf('"', input.indexOf(':', at) + 1) + 1;
        String name = input.substring(start, input.indexOf('"', start));
        return "{\"greeting\":\"Hello, " + name + "!\"}";
    }
}
