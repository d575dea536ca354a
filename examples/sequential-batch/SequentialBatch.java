package dev.stride.examples.sequentialbatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.examples.Checks;
import dev.stride.examples.Example;
import dev.stride.examples.ExampleRun;
import dev.stride.examples.Inbox;
import dev.stride.examples.Outcome;
import dev.stride.examples.Plan;
import dev.stride.examples.Session;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.batch.model.CEType;
import software.amazon.awssdk.services.batch.model.JobDetail;
import software.amazon.awssdk.services.batch.model.KeyValuePair;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * Extract, transform, load as three AWS Batch jobs that run one after another, each reading the
 * file the one before wrote in a folder they share (its path passed as a job parameter, with the
 * upstream job's id from the previous state's result). {@code --fail-step STEP} makes that step's
 * job fail: the failure is caught, reported on SNS, and the steps after it never run.
 */
public final class SequentialBatch implements Example {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> STEPS = List.of("extract", "transform", "load");
    static final int FAILURE_EXIT_CODE = 4;
    static final String LOG_GROUP = "/aws/batch/job";

    private Path source;
    private Path extracted;
    private Path totals;
    private Path report;
    private Inbox inbox;

    @Override public String name() { return "sequential-batch"; }

    @Override public String summary() {
        return "Runs three AWS Batch jobs one after another (extract, transform, load), each reading the previous one's output file; a failed step is caught and reported on SNS.";
    }

    @Override public String definition() { return "examples/sequential-batch/statemachine.asl.json"; }

    @Override public Map<String, String> flags() {
        return Map.of("fail-step", "STEP (extract, transform or load): that step's job exits " + FAILURE_EXIT_CODE
                + "; the failure is caught and reported, and the steps after it do not run");
    }

    @Override
    public Plan prepare(Session s) throws Exception {
        Optional<String> failStep = s.value("fail-step");
        if (failStep.isPresent() && !STEPS.contains(failStep.get())) {
            throw new IllegalArgumentException("--fail-step takes extract, transform or load, not " + failStep.get());
        }
        Path folder = s.folder(name());
        source = Files.writeString(folder.resolve("sales.csv"), ExampleRun.read("examples/sequential-batch/sales.csv"));
        Path work = Files.createDirectories(folder.resolve("work"));
        extracted = work.resolve("extracted.csv");
        totals = work.resolve("totals.csv");
        report = work.resolve("report.txt");

        String environment = s.batch().createComputeEnvironment(b -> b.computeEnvironmentName(s.name("etl-compute"))
                .type(CEType.UNMANAGED)).computeEnvironmentArn();
        String queueArn = s.batch().createJobQueue(b -> b.jobQueueName(s.name("etl-queue")).priority(1)
                .computeEnvironmentOrder(o -> o.order(1).computeEnvironment(environment))).jobQueueArn();
        s.say("Created Batch compute environment " + environment + " and job queue " + queueArn);
        Map<String, String> substitutions = new HashMap<>(Map.of("JobQueueArn", queueArn));
        for (String step : STEPS) {
            Path script = Files.writeString(folder.resolve(step + ".sh"), ExampleRun.read("examples/sequential-batch/" + step + ".sh"));
            List<String> command = new ArrayList<>(List.of("sh", script.toString()));
            command.addAll(switch (step) {
                case "extract" -> List.of("Ref::source", "Ref::output");
                case "transform" -> List.of("Ref::input", "Ref::output", "Ref::upstream");
                default -> List.of("Ref::input", "Ref::report", "Ref::upstream");
            });
            boolean fails = failStep.map(step::equals).orElse(false);
            List<KeyValuePair> env = fails ? List.of(KeyValuePair.builder().name("SIMULATE_FAILURE")
                    .value("simulated failure (--fail-step " + step + ")").build()) : List.of();
            String arn = s.batch().registerJobDefinition(b -> b.jobDefinitionName(s.name("etl-" + step)).type("container")
                    .containerProperties(c -> c.image("public.ecr.aws/docker/library/busybox:latest").command(command).environment(env)))
                    .jobDefinitionArn();
            substitutions.put(Character.toUpperCase(step.charAt(0)) + step.substring(1) + "JobDefinitionArn", arn);
            s.say("  job definition " + arn + ": " + String.join(" ", command) + (fails ? "   (set to fail: exits " + FAILURE_EXIT_CODE + ")" : ""));
        }
        String topicArn = s.sns().createTopic(b -> b.name(s.name("etl-notifications"))).topicArn();
        substitutions.put("SNSTopicArn", topicArn);
        inbox = Inbox.subscribedTo(s, topicArn, "etl-inbox");
        s.say("Created SNS topic " + topicArn + ", delivering to the SQS queue " + inbox.name());
        s.say("The jobs share the folder " + work + " (source " + source + ")");

        ObjectNode input = JSON.createObjectNode().put("source", source.toString());
        input.putObject("files").put("extracted", extracted.toString()).put("totals", totals.toString()).put("report", report.toString());
        input.putObject("jobs");
        return new Plan(input, substitutions);
    }

    @Override
    public void check(Session s, Outcome outcome, Checks checks) throws Exception {
        Optional<String> failStep = s.value("fail-step");
        List<JobDetail> jobs = jobsRun(s, outcome);
        List<JsonNode> notifications = inbox.envelopes();
        JsonNode message = notifications.isEmpty() ? JSON.createObjectNode() : JSON.readTree(notifications.get(0).path("Message").asText());

        s.say("Effects:");
        long first = jobs.isEmpty() || jobs.get(0).startedAt() == null ? 0 : jobs.get(0).startedAt();
        for (JobDetail j : jobs) {
            s.say(String.format("  %-9s +%4d ms .. +%4d ms  %s, exit code %s   (log %s %s)", j.jobName(), at(j.startedAt(), first),
                    at(j.stoppedAt(), first), j.statusAsString(), j.container().exitCode(), LOG_GROUP, j.container().logStreamName()));
            logLines(s, j).forEach(line -> s.say("            | " + line));
        }
        for (Path p : List.of(extracted, totals, report)) {
            s.say("  " + p + ": " + (Files.exists(p) ? Files.readAllLines(p).size() + " lines" : "not written"));
        }
        notifications.forEach(n -> s.say("  notification on " + inbox.name() + ": " + n.path("Subject").asText() + ": " + n.path("Message").asText()));
        s.say("  see them yourself: " + s.aws("batch", "describe-jobs --jobs " + String.join(" ", jobs.stream().map(JobDetail::jobId).toList())));

        List<String> expectedSteps = failStep.map(f -> STEPS.subList(0, STEPS.indexOf(f) + 1)).orElse(STEPS);
        checks.expectEqual("the jobs ran in order, each once: " + String.join(" -> ", expectedSteps), expectedSteps,
                jobs.stream().map(JobDetail::jobName).toList());
        checks.expect("each job started only after the one before it had stopped", inOrder(jobs));
        checks.expect("each job read what the one before wrote (its log names the upstream job)", readUpstream(s, jobs));
        checks.expectEqual("one notification reached the subscribed queue", 1, notifications.size());
        if (failStep.isEmpty()) {
            checks.expectEqual("the execution succeeded", "SUCCEEDED", outcome.status());
            checks.expectEqual("every job succeeded", List.of("SUCCEEDED", "SUCCEEDED", "SUCCEEDED"),
                    jobs.stream().map(JobDetail::statusAsString).toList());
            checks.expectEqual("the totals by region are the source's", expectedTotals(source), Files.exists(totals) ? Files.readAllLines(totals) : null);
            checks.expect("the report holds every region", Files.exists(report)
                    && Files.readAllLines(report).size() == expectedTotals(source).size() + 1);
            checks.expectEqual("the notification says the pipeline succeeded", "succeeded", message.path("outcome").asText());
        } else {
            String step = failStep.get();
            checks.expectEqual("the execution failed at " + step, "FAILED: ETL.StepFailed: The " + step + " job failed with exit code " + FAILURE_EXIT_CODE,
                    outcome.finalLine());
            checks.expectEqual("the " + step + " job failed with exit code " + FAILURE_EXIT_CODE, "FAILED/" + FAILURE_EXIT_CODE,
                    jobs.isEmpty() ? null : jobs.getLast().statusAsString() + "/" + jobs.getLast().container().exitCode());
            checks.expectEqual("the notification names the failed step", step + "/" + FAILURE_EXIT_CODE,
                    message.path("failedStep").asText() + "/" + message.path("exitCode").asText());
            checks.expectEqual("the notification lists the steps completed before it", expectedSteps.subList(0, expectedSteps.size() - 1),
                    fieldNames(message.path("completed")));
            checks.expect("the failed step wrote nothing", !Files.exists(step.equals("extract") ? extracted : step.equals("transform") ? totals : report));
        }
    }

    /** The jobs the execution submitted, in order, by the ids in its TaskSubmitted events. */
    private static List<JobDetail> jobsRun(Session s, Outcome outcome) throws Exception {
        List<String> ids = new ArrayList<>();
        for (HistoryEvent e : outcome.events()) {
            if (e.taskSubmittedEventDetails() != null) ids.add(JSON.readTree(e.taskSubmittedEventDetails().output()).path("JobId").asText());
        }
        if (ids.isEmpty()) return List.of();
        Map<String, JobDetail> byId = new HashMap<>();
        s.batch().describeJobs(b -> b.jobs(ids)).jobs().forEach(j -> byId.put(j.jobId(), j));
        return ids.stream().filter(byId::containsKey).map(byId::get).toList();
    }

    private static boolean inOrder(List<JobDetail> jobs) {
        for (int i = 1; i < jobs.size(); i++) {
            Long before = jobs.get(i - 1).stoppedAt();
            Long after = jobs.get(i).startedAt();
            if (before == null || after == null || after < before) return false;
        }
        return !jobs.isEmpty();
    }

    private static boolean readUpstream(Session s, List<JobDetail> jobs) {
        for (int i = 1; i < jobs.size(); i++) {
            String upstream = jobs.get(i - 1).jobId();
            if (logLines(s, jobs.get(i)).stream().noneMatch(l -> l.endsWith("written by job " + upstream))) return false;
        }
        return !jobs.isEmpty();
    }

    private static List<String> logLines(Session s, JobDetail job) {
        if (job.container() == null || job.container().logStreamName() == null) return List.of();
        return s.logs().getLogEvents(b -> b.logGroupName(LOG_GROUP).logStreamName(job.container().logStreamName()).startFromHead(true))
                .events().stream().map(OutputLogEvent::message).toList();
    }

    /** What transform should write, computed here from the source: region,orders,total in name order. */
    static List<String> expectedTotals(Path source) throws Exception {
        Map<String, BigDecimal> total = new TreeMap<>();
        Map<String, Integer> orders = new HashMap<>();
        List<String> lines = Files.readAllLines(source);
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) continue;
            String[] f = line.split(",");
            total.merge(f[1], new BigDecimal(f[3]), BigDecimal::add);
            orders.merge(f[1], 1, Integer::sum);
        }
        List<String> out = new ArrayList<>();
        total.forEach((region, sum) -> out.add(region + "," + orders.get(region) + "," + sum.setScale(2)));
        return out;
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static long at(Long millis, long first) { return millis == null ? -1 : millis - first; }
}
