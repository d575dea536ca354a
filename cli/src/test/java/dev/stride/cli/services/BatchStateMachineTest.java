package dev.stride.cli.services;

import static org.assertj.core.api.Assertions.assertThat;

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
import software.amazon.awssdk.services.batch.BatchClient;
import software.amazon.awssdk.services.batch.model.JobDetail;
import software.amazon.awssdk.services.batch.model.JobStatus;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Task states that submit Batch jobs: request-response, Run a Job (.sync), callbacks from the job itself, and StopExecution. */
class BatchStateMachineTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROLE = "arn:aws:iam::123456789012:role/r";
    @TempDir
    static Path data;
    static ServerProcess server;
    static BatchClient batch;
    static SfnClient sfn;
    static SnsClient sns;
    static SqsClient sqs;

    @BeforeAll
    static void start() throws Exception {
        server = ServerProcess.start(data);
        batch = Clients.batch(server);
        sfn = Clients.sfn(server);
        sns = Clients.sns(server);
        sqs = Clients.sqs(server);
        batch.createComputeEnvironment(b -> b.computeEnvironmentName("local").type("UNMANAGED"));
        batch.createJobQueue(b -> b.jobQueueName("BatchJobQueue-7049d367474b4dd").priority(1)
                .computeEnvironmentOrder(o -> o.order(1).computeEnvironment("local")));
    }

    @AfterAll
    static void stop() throws Exception {
        batch.close();
        sfn.close();
        sns.close();
        sqs.close();
        server.close();
    }

    static String define(String name, String... command) {
        return batch.registerJobDefinition(b -> b.jobDefinitionName(name).type("container")
                .containerProperties(c -> c.image("busybox").command(command))).jobDefinitionArn();
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

    /** AWS's sample project "Manage a batch job" (job status notification), as the console creates it. */
    @Test
    void theManageABatchJobSampleRunsUnchangedAndNotifiesSuccess() throws Exception {
        define("BatchJobDefinition-74d55ec34c4643c", "sh", "-c", "echo hello from batch");
        String topic = sns.createTopic(b -> b.name("batchjobnotificatiointemplate-SNSTopic-1J757CVBQ2KHM")).topicArn();
        String queue = sqs.createQueue(b -> b.queueName("notified")).queueUrl();
        String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queue).attributeNamesWithStrings("QueueArn")).attributesAsStrings().get("QueueArn");
        sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(queueArn).attributes(java.util.Map.of("RawMessageDelivery", "true")));
        String sample = """
            {
              "Comment": "An example of the Amazon States Language for notification on an AWS Batch job completion",
              "StartAt": "Submit Batch Job",
              "TimeoutSeconds": 3600,
              "States": {
                "Submit Batch Job": {
                  "Type": "Task",
                  "Resource": "arn:aws:states:::batch:submitJob.sync",
                  "Parameters": {
                    "JobName": "BatchJobNotification",
                    "JobQueue": "arn:aws:batch:us-east-1:123456789012:job-queue/BatchJobQueue-7049d367474b4dd",
                    "JobDefinition": "arn:aws:batch:us-east-1:123456789012:job-definition/BatchJobDefinition-74d55ec34c4643c:1"
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
                    "Message": "Batch job submitted through Step Functions succeeded",
                    "TopicArn": "arn:aws:sns:us-east-1:123456789012:batchjobnotificatiointemplate-SNSTopic-1J757CVBQ2KHM"
                  },
                  "End": true
                },
                "Notify Failure": {
                  "Type": "Task",
                  "Resource": "arn:aws:states:::sns:publish",
                  "Parameters": {
                    "Message": "Batch job submitted through Step Functions failed",
                    "TopicArn": "arn:aws:sns:us-east-1:123456789012:batchjobnotificatiointemplate-SNSTopic-1J757CVBQ2KHM"
                  },
                  "End": true
                }
              }
            }""";
        String exec = startExecution("manage-batch-job", sample, "{}");
        assertThat(awaitEnd(exec).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        JsonNode submitted = stateOutput(exec, "Submit Batch Job");
        assertThat(submitted.path("Status").asText()).isEqualTo("SUCCEEDED");
        assertThat(submitted.path("JobName").asText()).isEqualTo("BatchJobNotification");
        assertThat(submitted.path("Container").path("ExitCode").asInt()).isZero();
        assertThat(submitted.path("Attempts").path(0).path("StatusReason").asText()).isEqualTo("Essential container in task exited");
        assertThat(sqs.receiveMessage(b -> b.queueUrl(queue).waitTimeSeconds(2)).messages())
                .anySatisfy(m -> assertThat(m.body()).isEqualTo("Batch job submitted through Step Functions succeeded"));
    }

    @Test
    void aFailedJobFailsTheSyncTaskWithTheJobAsTheCause() throws Exception {
        define("exits-5", "sh", "-c", "exit 5");
        String def = """
            {"StartAt":"Run","States":{"Run":{"Type":"Task","Resource":"arn:aws:states:::batch:submitJob.sync",
              "Parameters":{"JobName":"fails","JobQueue":"BatchJobQueue-7049d367474b4dd","JobDefinition":"exits-5"},"End":true}}}""";
        DescribeExecutionResponse d = awaitEnd(startExecution("batch-fails", def, "{}"));
        assertThat(d.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(d.error()).isEqualTo("States.TaskFailed");
        JsonNode cause = JSON.readTree(d.cause());
        assertThat(cause.path("Status").asText()).isEqualTo("FAILED");
        assertThat(cause.path("Container").path("ExitCode").asInt()).isEqualTo(5);
    }

    @Test
    void requestResponseReturnsTheSubmitReplyAndAwsSdkCallsWork() throws Exception {
        define("quick", "true");
        String def = """
            {"StartAt":"Submit","States":{
              "Submit":{"Type":"Task","Resource":"arn:aws:states:::batch:submitJob",
                "Parameters":{"JobName":"rr","JobQueue":"BatchJobQueue-7049d367474b4dd","JobDefinition":"quick"},"Next":"Describe"},
              "Describe":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:batch:describeJobs",
                "Parameters":{"Jobs.$":"States.Array($.JobId)"},"End":true}}}""";
        DescribeExecutionResponse d = awaitEnd(startExecution("batch-rr", def, "{}"));
        assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        JsonNode out = JSON.readTree(d.output());
        assertThat(out.path("Jobs").path(0).path("JobName").asText()).isEqualTo("rr");
        assertThat(stateOutput(d.executionArn(), "Submit").path("SdkHttpMetadata").path("HttpStatusCode").asInt()).isEqualTo(200);
    }

    @Test
    void aJobCanCompleteItsOwnTaskTokenWithTheAwsCli() throws Exception {
        String aws = AwsCli.installed().binary().toString(); // skips without an aws CLI (fails in CI)
        define("calls-back", "sh", "-c", "'" + aws + "' stepfunctions send-task-success --task-token \"$TASK_TOKEN\" --task-output '{\"from\":\"the job\"}'");
        String def = """
            {"StartAt":"Wait","States":{"Wait":{"Type":"Task","Resource":"arn:aws:states:::batch:submitJob.waitForTaskToken",
              "Parameters":{"JobName":"cb","JobQueue":"BatchJobQueue-7049d367474b4dd","JobDefinition":"calls-back",
                "ContainerOverrides":{"Environment":[{"Name":"TASK_TOKEN","Value.$":"$$.Task.Token"}]}},"End":true}}}""";
        DescribeExecutionResponse d = awaitEnd(startExecution("batch-callback", def, "{}"));
        assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(JSON.readTree(d.output()).path("from").asText()).isEqualTo("the job");
    }

    @Test
    void stopExecutionTerminatesTheJobAndKillsItsProcess() throws Exception {
        Path pidFile = data.resolve("stopped-job.pid");
        define("sleeps", "sh", "-c", "echo $$ > " + pidFile + "; sleep 60");
        String def = """
            {"StartAt":"Run","States":{"Run":{"Type":"Task","Resource":"arn:aws:states:::batch:submitJob.sync",
              "Parameters":{"JobName":"stopped","JobQueue":"BatchJobQueue-7049d367474b4dd","JobDefinition":"sleeps"},"End":true}}}""";
        String exec = startExecution("batch-stop", def, "{}");
        for (int i = 0; i < 400 && (!Files.exists(pidFile) || Files.readString(pidFile).isBlank()); i++) Thread.sleep(10);
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        assertThat(ProcessHandle.of(pid)).isPresent();
        sfn.stopExecution(b -> b.executionArn(exec).error("Stop").cause("test"));
        for (int i = 0; i < 300 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false); i++) Thread.sleep(10);
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        JobDetail job = null;
        for (int i = 0; i < 300; i++) {
            job = batch.listJobs(b -> b.jobQueue("BatchJobQueue-7049d367474b4dd").filters(f -> f.name("JOB_NAME").values("stopped")))
                    .jobSummaryList().stream().findFirst().map(s -> batch.describeJobs(b -> b.jobs(s.jobId())).jobs().get(0)).orElse(null);
            if (job != null && job.status() == JobStatus.FAILED) break;
            Thread.sleep(10);
        }
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.isTerminated()).isTrue();
        assertThat(job.statusReason()).startsWith("Stopped by Step Functions");
        assertThat(awaitEnd(exec).status()).isEqualTo(ExecutionStatus.ABORTED);
    }

    static JsonNode stateOutput(String exec, String state) throws Exception { return stateOutputOf(sfn, exec, state); }

    /** The output a state exited with, from the execution's history. */
    static JsonNode stateOutputOf(SfnClient sfn, String exec, String state) throws Exception {
        List<HistoryEvent> events = sfn.getExecutionHistory(b -> b.executionArn(exec)).events();
        for (HistoryEvent e : events) {
            if (e.stateExitedEventDetails() != null && e.stateExitedEventDetails().name().equals(state)) {
                return JSON.readTree(e.stateExitedEventDetails().output());
            }
        }
        throw new AssertionError("no output of " + state + " in " + events);
    }
}
