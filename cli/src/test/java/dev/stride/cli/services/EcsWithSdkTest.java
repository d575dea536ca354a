package dev.stride.cli.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stride.cli.ServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.LogDriver;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** ECS through the SDK v2 client and from Task states: containers run as processes on the server's machine. */
class EcsWithSdkTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROLE = "arn:aws:iam::123456789012:role/r";
    @TempDir
    static Path data;
    static ServerProcess server;
    static EcsClient ecs;
    static SfnClient sfn;
    static CloudWatchLogsClient logs;

    @BeforeAll
    static void start() throws Exception {
        server = ServerProcess.start(data);
        ecs = Clients.ecs(server);
        sfn = Clients.sfn(server);
        logs = Clients.logs(server);
        ecs.createCluster(b -> b.clusterName("FargateTaskNotification-ECSCluster-VHLR20IF9IMP"));
    }

    @AfterAll
    static void stop() throws Exception {
        ecs.close();
        sfn.close();
        logs.close();
        server.close();
    }

    static final String CLUSTER = "FargateTaskNotification-ECSCluster-VHLR20IF9IMP";

    static ContainerDefinition container(String name, boolean essential, String... command) {
        return ContainerDefinition.builder().name(name).image("busybox").essential(essential).command(command)
                .logConfiguration(l -> l.logDriver(LogDriver.AWSLOGS).options(java.util.Map.of("awslogs-group", "/ecs/tests",
                        "awslogs-region", "us-east-1", "awslogs-stream-prefix", "ecs"))).build();
    }

    static String register(String family, ContainerDefinition... containers) {
        return ecs.registerTaskDefinition(b -> b.family(family).networkMode("awsvpc").requiresCompatibilities(software.amazon.awssdk.services.ecs.model.Compatibility.FARGATE)
                .cpu("256").memory("512").containerDefinitions(containers)).taskDefinition().taskDefinitionArn();
    }

    static Task awaitStopped(String taskArn) throws InterruptedException {
        Task t = null;
        for (int i = 0; i < 1000; i++) {
            t = ecs.describeTasks(b -> b.cluster(CLUSTER).tasks(taskArn)).tasks().get(0);
            if ("STOPPED".equals(t.lastStatus())) return t;
            Thread.sleep(20);
        }
        return t;
    }

    static Task run(String definition, java.util.function.Consumer<software.amazon.awssdk.services.ecs.model.RunTaskRequest.Builder> more) {
        return ecs.runTask(b -> {
            b.cluster(CLUSTER).taskDefinition(definition).launchType(LaunchType.FARGATE)
                    .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1").assignPublicIp("ENABLED")));
            more.accept(b);
        }).tasks().get(0);
    }

    @Test
    void aTaskRunsItsContainersAndStopsWhenTheEssentialOneExits() throws Exception {
        String def = register("two-containers", container("main", true, "sh", "-c", "echo main says hi; sleep 0.2"),
                container("sidecar", false, "sh", "-c", "sleep 30"));
        Task started = run(def, b -> {});
        assertThat(started.lastStatus()).isEqualTo("PROVISIONING");
        assertThat(started.desiredStatus()).isEqualTo("RUNNING");
        Task t = awaitStopped(started.taskArn());
        assertThat(t.stopCode()).isEqualTo(TaskStopCode.ESSENTIAL_CONTAINER_EXITED);
        assertThat(t.stoppedReason()).isEqualTo("Essential container in task exited");
        assertThat(t.containers()).filteredOn(c -> c.name().equals("main")).singleElement().satisfies(c -> assertThat(c.exitCode()).isZero());
        assertThat(t.containers()).filteredOn(c -> c.name().equals("sidecar")).singleElement().satisfies(c -> assertThat(c.exitCode()).isNotZero());
        assertThat(t.startedAt()).isBeforeOrEqualTo(t.stoppedAt());
        String id = t.taskArn().substring(t.taskArn().lastIndexOf('/') + 1);
        List<String> lines = logs.getLogEvents(b -> b.logGroupName("/ecs/tests").logStreamName("ecs/main/" + id).startFromHead(true))
                .events().stream().map(OutputLogEvent::message).toList();
        assertThat(lines).containsExactly("main says hi");
    }

    @Test
    void overridesChangeTheCommandAndEnvironmentAndExitCodesAreReported() throws Exception {
        String def = register("overridden", container("app", true, "sh", "-c", "exit 0"));
        Task t = awaitStopped(run(def, b -> b.overrides(o -> o.containerOverrides(c -> c.name("app").command("sh", "-c", "exit $CODE")
                .environment(KeyValuePair.builder().name("CODE").value("6").build())))).taskArn());
        assertThat(t.containers().get(0).exitCode()).isEqualTo(6);
        assertThat(t.overrides().containerOverrides().get(0).command()).containsExactly("sh", "-c", "exit $CODE");
    }

    @Test
    void stopTaskEndsItWithTheUsersReason() throws Exception {
        String def = register("sleeper", container("app", true, "sleep", "60"));
        Task started = run(def, b -> {});
        for (int i = 0; i < 200 && !"RUNNING".equals(ecs.describeTasks(b -> b.cluster(CLUSTER).tasks(started.taskArn())).tasks().get(0).lastStatus()); i++) Thread.sleep(10);
        assertThat(ecs.listTasks(b -> b.cluster(CLUSTER).family("sleeper")).taskArns()).contains(started.taskArn());
        ecs.stopTask(b -> b.cluster(CLUSTER).task(started.taskArn()).reason("enough"));
        Task t = awaitStopped(started.taskArn());
        assertThat(t.stopCode()).isEqualTo(TaskStopCode.USER_INITIATED);
        assertThat(t.stoppedReason()).isEqualTo("enough");
    }

    @Test
    void badInputGetsEcsErrors() {
        String def = register("plain", container("app", true, "true"));
        assertThatThrownBy(() -> ecs.runTask(b -> b.cluster("nope").taskDefinition(def))).isInstanceOf(ClusterNotFoundException.class)
                .hasMessageContaining("Cluster not found.");
        assertThatThrownBy(() -> ecs.runTask(b -> b.cluster(CLUSTER).taskDefinition("missing:1"))).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> ecs.runTask(b -> b.cluster(CLUSTER).taskDefinition(def))).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Network Configuration must be provided");
    }

    /** AWS's sample project "Manage a container task", as the console creates it (the cluster and task definition named as it names them). */
    @Test
    void theManageAContainerTaskSampleRunsUnchanged() throws Exception {
        register("FargateTaskNotification-ECSTaskDefinition-13YOJT8Z2LY5Q", container("app", true, "sh", "-c", "echo done"));
        ecs.createCluster(b -> b.clusterName(CLUSTER));
        Clients.sns(server).createTopic(b -> b.name("FargateTaskNotification-SNSTopic-1XYW5YD5V0M7C"));
        String sample = """
            {
              "Comment": "An example of the Amazon States Language for notification on an AWS Fargate task completion",
              "StartAt": "Run Fargate Task",
              "TimeoutSeconds": 3600,
              "States": {
                "Run Fargate Task": {
                  "Type": "Task",
                  "Resource": "arn:aws:states:::ecs:runTask.sync",
                  "Parameters": {
                    "LaunchType": "FARGATE",
                    "Cluster": "arn:aws:ecs:us-east-1:123456789012:cluster/FargateTaskNotification-ECSCluster-VHLR20IF9IMP",
                    "TaskDefinition": "arn:aws:ecs:us-east-1:123456789012:task-definition/FargateTaskNotification-ECSTaskDefinition-13YOJT8Z2LY5Q:1",
                    "NetworkConfiguration": {
                      "AwsvpcConfiguration": {
                        "Subnets": [
                          "subnet-07e1ad3abcfce6758",
                          "subnet-04782e7f34ae3efdb"
                        ],
                        "AssignPublicIp": "ENABLED"
                      }
                    }
                  },
                  "Next": "Notify Success",
                  "Catch": [
                      {
                        "ErrorEquals": [ "States.ALL" ],
                        "Next": "Notify Failure"
                      }
                  ]
                },
                "Notify Success": {
                  "Type": "Task",
                  "Resource": "arn:aws:states:::sns:publish",
                  "Parameters": {
                    "Message": "AWS Fargate Task started by Step Functions succeeded",
                    "TopicArn": "arn:aws:sns:us-east-1:123456789012:FargateTaskNotification-SNSTopic-1XYW5YD5V0M7C"
                  },
                  "End": true
                },
                "Notify Failure": {
                  "Type": "Task",
                  "Resource": "arn:aws:states:::sns:publish",
                  "Parameters": {
                    "Message": "AWS Fargate Task started by Step Functions failed",
                    "TopicArn": "arn:aws:sns:us-east-1:123456789012:FargateTaskNotification-SNSTopic-1XYW5YD5V0M7C"
                  },
                  "End": true
                }
              }
            }""";
        String exec = startExecution("manage-container-task", sample, "{}");
        DescribeExecutionResponse d = awaitEnd(exec);
        assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        JsonNode out = BatchStateMachineTest.stateOutputOf(sfn, exec, "Run Fargate Task");
        assertThat(out.path("LastStatus").asText()).isEqualTo("STOPPED");
        assertThat(out.path("StopCode").asText()).isEqualTo("EssentialContainerExited");
        assertThat(out.path("Containers").path(0).path("ExitCode").asInt()).isZero();
        assertThat(JSON.readTree(d.output()).has("MessageId")).isTrue();
    }

    @Test
    void aFailedEssentialContainerFailsTheSyncTaskWithTheTaskAsTheCause() throws Exception {
        register("fails", container("app", true, "sh", "-c", "exit 3"));
        String def = """
            {"StartAt":"Run","States":{"Run":{"Type":"Task","Resource":"arn:aws:states:::ecs:runTask.sync",
              "Parameters":{"Cluster":"%s","TaskDefinition":"fails","LaunchType":"FARGATE",
                "NetworkConfiguration":{"AwsvpcConfiguration":{"Subnets":["subnet-1"]}}},"End":true}}}""".formatted(CLUSTER);
        DescribeExecutionResponse d = awaitEnd(startExecution("ecs-fails", def, "{}"));
        assertThat(d.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(d.error()).isEqualTo("States.TaskFailed");
        assertThat(JSON.readTree(d.cause()).path("Containers").path(0).path("ExitCode").asInt()).isEqualTo(3);
    }

    @Test
    void aContainerCanSendTaskSuccessWithCurl() throws Exception {
        register("calls-back", container("app", true, "sh", "-c",
                "curl -sf -X POST -H 'Content-Type: application/x-amz-json-1.0' -H 'X-Amz-Target: AWSStepFunctions.SendTaskSuccess' "
                        + "-d \"{\\\"taskToken\\\":\\\"$TASK_TOKEN\\\",\\\"output\\\":\\\"{\\\\\\\"by\\\\\\\":\\\\\\\"curl\\\\\\\"}\\\"}\" \"$AWS_ENDPOINT_URL\""));
        String def = """
            {"StartAt":"Run","States":{"Run":{"Type":"Task","Resource":"arn:aws:states:::ecs:runTask.waitForTaskToken",
              "Parameters":{"Cluster":"%s","TaskDefinition":"calls-back","LaunchType":"FARGATE",
                "NetworkConfiguration":{"AwsvpcConfiguration":{"Subnets":["subnet-1"]}},
                "Overrides":{"ContainerOverrides":[{"Name":"app","Environment":[{"Name":"TASK_TOKEN","Value.$":"$$.Task.Token"}]}]}},"End":true}}}"""
                .formatted(CLUSTER);
        DescribeExecutionResponse d = awaitEnd(startExecution("ecs-callback", def, "{}"));
        assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(JSON.readTree(d.output()).path("by").asText()).isEqualTo("curl");
    }

    @Test
    void stopExecutionStopsTheTaskAndKillsItsContainers() throws Exception {
        Path pidFile = data.resolve("ecs-stopped.pid");
        register("long", container("app", true, "sh", "-c", "echo $$ > " + pidFile + "; sleep 60"));
        String def = """
            {"StartAt":"Run","States":{"Run":{"Type":"Task","Resource":"arn:aws:states:::ecs:runTask.sync",
              "Parameters":{"Cluster":"%s","TaskDefinition":"long","LaunchType":"FARGATE",
                "NetworkConfiguration":{"AwsvpcConfiguration":{"Subnets":["subnet-1"]}}},"End":true}}}""".formatted(CLUSTER);
        String exec = startExecution("ecs-stop", def, "{}");
        for (int i = 0; i < 400 && (!Files.exists(pidFile) || Files.readString(pidFile).isBlank()); i++) Thread.sleep(10);
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        sfn.stopExecution(b -> b.executionArn(exec));
        for (int i = 0; i < 300 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false); i++) Thread.sleep(10);
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        String task = ecs.listTasks(b -> b.cluster(CLUSTER).family("long").desiredStatus("STOPPED")).taskArns().get(0);
        assertThat(awaitStopped(task).stopCode()).isEqualTo(TaskStopCode.USER_INITIATED);
    }

    static String startExecution(String name, String definition, String input) {
        String sm = sfn.createStateMachine(b -> b.name(name).definition(definition).roleArn(ROLE)).stateMachineArn();
        return sfn.startExecution(b -> b.stateMachineArn(sm).input(input)).executionArn();
    }

    static DescribeExecutionResponse awaitEnd(String exec) throws InterruptedException {
        DescribeExecutionResponse d = sfn.describeExecution(b -> b.executionArn(exec));
        for (int i = 0; i < 600 && d.status() == ExecutionStatus.RUNNING; i++) {
            Thread.sleep(25);
            d = sfn.describeExecution(b -> b.executionArn(exec));
        }
        return d;
    }
}
