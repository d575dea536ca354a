package dev.stride.cli.services;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.cli.ServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code aws ecs} command line against a real {@code stride server}: a cluster, a task
 * definition registered from a JSON file ({@code --cli-input-json}), tasks run with overrides and
 * followed to STOPPED with their exit codes, listed, stopped, and the error for a cluster that
 * does not exist. Holds for aws-cli v1 and v2 (see {@link AwsCli}).
 */
class EcsCliTest {
    private static final String NETWORK = "awsvpcConfiguration={subnets=[subnet-1],assignPublicIp=ENABLED}";
    @TempDir
    static Path data;
    @TempDir
    static Path cliDir;
    static ServerProcess server;
    static AwsCli aws;

    @BeforeAll
    static void start() throws Exception {
        AwsCli.Installation installed = AwsCli.installed();
        server = ServerProcess.start(data);
        aws = AwsCli.against(installed, server.endpoint(), cliDir);
        assertThat(aws.json("ecs", "create-cluster", "--cluster-name", "cli").path("cluster").path("clusterArn").asText())
                .isEqualTo("arn:aws:ecs:us-east-1:123456789012:cluster/cli");
        Path definition = Files.writeString(cliDir.resolve("task-definition.json"), """
                {
                  "family": "cli-app",
                  "networkMode": "awsvpc",
                  "requiresCompatibilities": ["FARGATE"],
                  "cpu": "256",
                  "memory": "512",
                  "containerDefinitions": [
                    {
                      "name": "app",
                      "image": "public.ecr.aws/docker/library/busybox:latest",
                      "essential": true,
                      "command": ["sh", "-c", "echo from ecs $WHO; exit ${CODE:-0}"],
                      "environment": [{"name": "WHO", "value": "nobody"}],
                      "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "/ecs/cli-app",
                        "awslogs-region": "us-east-1", "awslogs-stream-prefix": "ecs"}}
                    }
                  ]
                }""");
        JsonNode registered = aws.json("ecs", "register-task-definition", "--cli-input-json", "file://" + definition).path("taskDefinition");
        assertThat(registered.path("taskDefinitionArn").asText()).isEqualTo("arn:aws:ecs:us-east-1:123456789012:task-definition/cli-app:1");
        assertThat(registered.path("containerDefinitions").path(0).path("logConfiguration").path("logDriver").asText()).isEqualTo("awslogs");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) server.close();
    }

    @Test
    void aTaskRunWithOverridesIsFollowedToStoppedWithItsExitCode() throws Exception {
        JsonNode started = aws.json("ecs", "run-task", "--cluster", "cli", "--task-definition", "cli-app", "--launch-type", "FARGATE",
                "--network-configuration", NETWORK, "--overrides",
                "{\"containerOverrides\":[{\"name\":\"app\",\"environment\":[{\"name\":\"WHO\",\"value\":\"the cli\"},{\"name\":\"CODE\",\"value\":\"3\"}]}]}");
        assertThat(started.path("failures")).isEmpty();
        String arn = started.path("tasks").path(0).path("taskArn").asText();
        assertThat(arn).startsWith("arn:aws:ecs:us-east-1:123456789012:task/cli/");

        JsonNode task = awaitStopped(arn);
        assertThat(task.path("stopCode").asText()).isEqualTo("EssentialContainerExited");
        assertThat(task.path("stoppedReason").asText()).isEqualTo("Essential container in task exited");
        assertThat(task.path("launchType").asText()).isEqualTo("FARGATE");
        assertThat(task.path("containers").path(0).path("exitCode").asInt()).isEqualTo(3);
        assertThat(task.path("overrides").path("containerOverrides").path(0).path("environment").toString()).contains("the cli");

        assertThat(SqsCliTest.texts(aws.json("ecs", "list-tasks", "--cluster", "cli", "--desired-status", "STOPPED").path("taskArns"))).contains(arn);
        assertThat(SqsCliTest.texts(aws.json("ecs", "list-tasks", "--cluster", "cli", "--family", "cli-app", "--desired-status", "STOPPED")
                .path("taskArns"))).contains(arn);
        assertThat(SqsCliTest.texts(aws.json("ecs", "list-task-definitions", "--family-prefix", "cli-").path("taskDefinitionArns")))
                .containsExactly("arn:aws:ecs:us-east-1:123456789012:task-definition/cli-app:1");
    }

    @Test
    void aRunningTaskIsListedAndStoppedWithTheUsersReason() throws Exception {
        String arn = aws.json("ecs", "run-task", "--cluster", "cli", "--task-definition", "cli-app:1", "--launch-type", "FARGATE",
                "--network-configuration", NETWORK, "--overrides", "{\"containerOverrides\":[{\"name\":\"app\",\"command\":[\"sleep\",\"30\"]}]}")
                .path("tasks").path(0).path("taskArn").asText();
        JsonNode running = null;
        for (int i = 0; i < 40; i++) {
            running = aws.json("ecs", "describe-tasks", "--cluster", "cli", "--tasks", arn).path("tasks").path(0);
            if ("RUNNING".equals(running.path("lastStatus").asText())) break;
            Thread.sleep(100);
        }
        assertThat(running.path("lastStatus").asText()).isEqualTo("RUNNING");
        assertThat(SqsCliTest.texts(aws.json("ecs", "list-tasks", "--cluster", "cli").path("taskArns"))).as("RUNNING by default").contains(arn);

        JsonNode stopping = aws.json("ecs", "stop-task", "--cluster", "cli", "--task", arn, "--reason", "maintenance window").path("task");
        assertThat(stopping.path("desiredStatus").asText()).isEqualTo("STOPPED");
        JsonNode task = awaitStopped(arn);
        assertThat(task.path("stopCode").asText()).isEqualTo("UserInitiated");
        assertThat(task.path("stoppedReason").asText()).isEqualTo("maintenance window");
        assertThat(SqsCliTest.texts(aws.json("ecs", "list-tasks", "--cluster", "cli").path("taskArns"))).doesNotContain(arn);
    }

    @Test
    void aClusterThatDoesNotExistIsClusterNotFoundException() {
        AwsCli.Result r = aws.fails("ecs", "run-task", "--cluster", "no-such-cluster", "--task-definition", "cli-app",
                "--launch-type", "FARGATE", "--network-configuration", NETWORK);
        assertThat(r.stderr()).contains("ClusterNotFoundException", "Cluster not found.");
        assertThat(aws.fails("ecs", "list-tasks", "--cluster", "no-such-cluster").stderr()).contains("ClusterNotFoundException");
        JsonNode described = aws.json("ecs", "describe-clusters", "--clusters", "no-such-cluster");
        assertThat(described.path("failures").path(0).path("reason").asText()).isEqualTo("MISSING");
    }

    /** describe-tasks until the task is STOPPED. */
    static JsonNode awaitStopped(String arn) throws InterruptedException {
        JsonNode task = null;
        for (int i = 0; i < 40; i++) {
            task = aws.json("ecs", "describe-tasks", "--cluster", "cli", "--tasks", arn).path("tasks").path(0);
            if ("STOPPED".equals(task.path("lastStatus").asText())) return task;
            Thread.sleep(100);
        }
        throw new AssertionError("task " + arn + " did not stop: " + task);
    }
}
