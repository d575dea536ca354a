package dev.stride.cli.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stride.cli.ServerProcess;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The web console of a real `stride server`: pages fetched over HTTP, their content asserted. */
class ConsoleServerTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ROLE = "arn:aws:iam::123456789012:role/r";
    static final String PREFIX = "arn:aws:states:us-east-1:123456789012:";
    /** A Choice, a Parallel that fails, is retried once and caught, then a Map. */
    static final String FLOW = """
        {"StartAt": "Check", "States": {
          "Check": {"Type": "Choice", "Choices": [{"Variable": "$.n", "NumericGreaterThan": 1, "Next": "Fan"}], "Default": "Bad"},
          "Fan": {"Type": "Parallel", "ResultPath": "$.fan", "Next": "Each",
            "Branches": [{"StartAt": "Quick", "States": {"Quick": {"Type": "Pass", "End": true}}},
                         {"StartAt": "Boom", "States": {"Boom": {"Type": "Fail", "Error": "Boom", "Cause": "it broke"}}}],
            "Retry": [{"ErrorEquals": ["Boom"], "MaxAttempts": 1, "IntervalSeconds": 1}],
            "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "Each"}]},
          "Each": {"Type": "Map", "ItemsPath": "$.items", "ResultPath": "$.each", "Next": "Done",
            "ItemProcessor": {"StartAt": "Item", "States": {"Item": {"Type": "Pass", "End": true}}}},
          "Bad": {"Type": "Fail", "Error": "TooSmall", "Cause": "n must be more than 1"},
          "Done": {"Type": "Succeed"}}}
        """;
    static final String SLOW = """
        {"StartAt": "First", "States": {
          "First": {"Type": "Wait", "Seconds": 1, "Next": "Second"},
          "Second": {"Type": "Wait", "Seconds": 1, "Next": "Last"},
          "Last": {"Type": "Pass", "End": true}}}
        """;

    static ServerProcess server;
    static HttpClient http;
    static Path data;

    @BeforeAll
    static void start() throws Exception {
        data = Files.createTempDirectory("console-test");
        server = ServerProcess.start(data.resolve("data"), "--in-memory");
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        sfn("CreateStateMachine", JSON.createObjectNode().put("name", "flow").put("definition", FLOW).put("roleArn", ROLE));
        sfn("CreateStateMachine", JSON.createObjectNode().put("name", "slow").put("definition", SLOW).put("roleArn", ROLE));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) server.close();
    }

    @Test
    void aBrowserOpeningTheEndpointIsSentToTheConsoleAndApiClientsAreNot() throws Exception {
        HttpResponse<String> browser = get("/", "text/html,application/xhtml+xml");
        assertThat(browser.statusCode()).isEqualTo(302);
        assertThat(browser.headers().firstValue("Location")).contains("/_stride/console/");
        assertThat(get("/", "*/*").statusCode()).isNotEqualTo(302);
        assertThat(get("/health", "text/html").body()).contains("UP");
        JsonNode listed = sfn("ListStateMachines", JSON.createObjectNode());
        assertThat(listed.path("stateMachines").size()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void theMachineListSearchesByNameAndTheMachinePageDrawsAndShowsTheDefinition() throws Exception {
        String list = page("/_stride/console/");
        assertThat(list).contains(">flow</a>").contains(">slow</a>");
        String searched = page("/_stride/console/?q=SLO");
        assertThat(searched).contains(">slow</a>").doesNotContain(">flow</a>");
        String machine = page("/_stride/console/machine?arn=" + enc(PREFIX + "stateMachine:flow"));
        for (String s : List.of("Check", "Fan", "Quick", "Boom", "Each", "Item", "Bad", "Done")) {
            assertThat(machine).contains("data-state=\"" + s + "\"");
        }
        assertThat(machine).contains("<svg").contains("edge edge-catch").contains("id=\"definition-json\"")
                .contains("id=\"definition-yaml\"").contains("StartAt: Check").contains("id=\"start\"");
        assertThat(page("/_stride/console/assets/console.js")).contains("EventSource");
        assertThat(page("/_stride/console/assets/console.css")).contains(".badge");
    }

    @Test
    void anExecutionPageColoursEachStateByWhatHappenedAndListsItsHistory() throws Exception {
        String arn = startAndWait("flow", "coloured", "{\"n\": 2, \"items\": [1, 2, 3]}");
        String page = page("/_stride/console/execution?arn=" + enc(arn));
        assertThat(page).contains("badge SUCCEEDED");
        assertThat(stateClass(page, "Check")).contains("st-succeeded");
        assertThat(stateClass(page, "Fan")).contains("st-caught").contains("st-retried");
        assertThat(stateClass(page, "Boom")).contains("st-failed");
        assertThat(stateClass(page, "Each")).contains("st-succeeded");
        assertThat(stateClass(page, "Bad")).contains("st-notreached");
        assertThat(page).contains("<td>ParallelStateFailed</td>").contains("<td>MapIterationStarted</td>")
                .contains("<td>ExecutionSucceeded</td>").contains("id=\"step\"").contains("Estimated AWS price");
        JsonNode picture = JSON.readTree(page("/_stride/console/api/picture?arn=" + enc(arn)));
        assertThat(picture.path("states").path("Boom").path("error").asText()).isEqualTo("Boom");
        assertThat(picture.path("states").path("Check").path("input").path("n").asInt()).isEqualTo(2);
        assertThat(picture.path("iterations").size()).isEqualTo(3);
        JsonNode second = picture.path("iterations").get(1);
        JsonNode iteration = JSON.readTree(page("/_stride/console/api/picture?arn=" + enc(arn) + "&map=Each&iteration="
                + second.path("event").asLong()));
        assertThat(iteration.path("states").path("Item").path("input").asInt()).isEqualTo(2);
        assertThat(iteration.path("inside").toString()).contains("Item");
        JsonNode early = JSON.readTree(page("/_stride/console/api/picture?arn=" + enc(arn) + "&upTo=3"));
        assertThat(early.path("states").has("Each")).isFalse();
        assertThat(early.path("status").asText()).isEqualTo("RUNNING");
    }

    @Test
    void aFailedExecutionShowsItsErrorAndTheFailedState() throws Exception {
        String arn = startAndWait("flow", "too-small", "{\"n\": 0}");
        String page = page("/_stride/console/execution?arn=" + enc(arn));
        assertThat(page).contains("badge FAILED").contains("TooSmall").contains("n must be more than 1");
        assertThat(stateClass(page, "Bad")).contains("st-failed");
        assertThat(stateClass(page, "Fan")).contains("st-notreached");
        assertThat(page).contains("data-action=\"redrive\"");
    }

    @Test
    void theExecutionListFiltersByStatusSearchesByNameAndPages() throws Exception {
        startAndWait("flow", "list-good", "{\"n\": 5, \"items\": []}");
        startAndWait("flow", "list-bad", "{\"n\": 0}");
        String flow = "/_stride/console/machine?arn=" + enc(PREFIX + "stateMachine:flow");
        assertThat(page(flow)).contains(">list-good</a>").contains(">list-bad</a>");
        assertThat(page(flow + "&status=FAILED")).contains(">list-bad</a>").doesNotContain(">list-good</a>");
        assertThat(page(flow + "&q=GOOD")).contains(">list-good</a>").doesNotContain(">list-bad</a>");
        for (int i = 0; i < 26; i++) sfn("StartExecution", JSON.createObjectNode().put("stateMachineArn", PREFIX + "stateMachine:slow").put("name", "many-" + i));
        String slow = "/_stride/console/machine?arn=" + enc(PREFIX + "stateMachine:slow");
        assertThat(page(slow + "&q=many-")).contains("class=\"pager\"");
        assertThat(page(slow + "&q=many-&page=2")).containsPattern("many-\\d+</a>");
    }

    @Test
    void consoleActionsStartStopRedriveAndRerunFromAState() throws Exception {
        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(server.endpoint().resolve("/_stride/console/api/start"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"stateMachineArn\":\"" + PREFIX + "stateMachine:slow\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        JsonNode started = action("start", JSON.createObjectNode().put("stateMachineArn", PREFIX + "stateMachine:slow").put("input", "{}"));
        String arn = started.path("executionArn").asText();
        action("stop", JSON.createObjectNode().put("executionArn", arn));
        assertThat(describe(arn).path("status").asText()).isEqualTo("ABORTED");
        JsonNode again = action("again", JSON.createObjectNode().put("executionArn", arn));
        assertThat(again.path("executionArn").asText()).isNotEqualTo(arn).startsWith(PREFIX + "execution:slow:");

        String failed = startAndWait("flow", "to-rerun", "{\"n\": 0}");
        JsonNode rerun = action("rerun", JSON.createObjectNode().put("executionArn", failed).put("state", "Each")
                .put("input", "{\"items\": [7]}"));
        String rerunArn = rerun.path("executionArn").asText();
        assertThat(rerunArn).startsWith(PREFIX + "execution:flow-rerun:");
        JsonNode done = await(rerunArn);
        assertThat(done.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(JSON.readTree(done.path("output").asText()).path("each").get(0).asInt()).isEqualTo(7);
    }

    @Test
    void theEventStreamSendsUpdatesWhileAnExecutionRunsAndEndsWithIt() throws Exception {
        String arn = sfn("StartExecution", JSON.createObjectNode().put("stateMachineArn", PREFIX + "stateMachine:slow").put("name", "live"))
                .path("executionArn").asText();
        HttpRequest req = HttpRequest.newBuilder(server.endpoint().resolve("/_stride/console/events?arn=" + enc(arn) + "&after=0"))
                .timeout(Duration.ofSeconds(30)).build();
        HttpResponse<Stream<String>> resp = http.send(req, HttpResponse.BodyHandlers.ofLines());
        assertThat(resp.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        List<String> kinds = new ArrayList<>();
        List<JsonNode> updates = new ArrayList<>();
        try (Stream<String> lines = resp.body()) {
            String event = null;
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.startsWith("event: ")) event = line.substring(7);
                if (line.startsWith("data: ")) {
                    kinds.add(event);
                    if (event.equals("update")) updates.add(JSON.readTree(line.substring(6)));
                    if (event.equals("end")) break;
                }
            }
        }
        assertThat(kinds).last().isEqualTo("end");
        assertThat(updates.size()).isGreaterThanOrEqualTo(2);
        JsonNode first = updates.get(0).path("picture");
        assertThat(first.path("status").asText()).isEqualTo("RUNNING");
        assertThat(first.path("states").path("First").path("status").asText()).isEqualTo("RUNNING");
        JsonNode last = updates.get(updates.size() - 1).path("picture");
        assertThat(last.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(last.path("states").path("Last").path("class").asText()).isEqualTo("st-succeeded");
        assertThat(updates.get(0).path("rows").asText()).contains("<td>ExecutionStarted</td>");
        assertThat(updates.stream().anyMatch(u -> u.path("picture").path("states").path("Second").path("status").asText().equals("RUNNING")))
                .isTrue();
    }

    @Test
    void localResourcesShowQueuesWithoutReceivingTheirMessagesAndTables() throws Exception {
        JsonNode queue = aws("AmazonSQS.CreateQueue", "application/x-amz-json-1.0", "{\"QueueName\":\"console-orders\"}");
        String url = queue.path("QueueUrl").asText();
        aws("AmazonSQS.SendMessage", "application/x-amz-json-1.0", "{\"QueueUrl\":\"" + url + "\",\"MessageBody\":\"hello from the test\"}");
        aws("DynamoDB_20120810.CreateTable", "application/x-amz-json-1.0", """
            {"TableName":"console-records","AttributeDefinitions":[{"AttributeName":"id","AttributeType":"S"}],
             "KeySchema":[{"AttributeName":"id","KeyType":"HASH"}],"BillingMode":"PAY_PER_REQUEST"}""");
        aws("DynamoDB_20120810.PutItem", "application/x-amz-json-1.0",
                "{\"TableName\":\"console-records\",\"Item\":{\"id\":{\"S\":\"r-1\"},\"colour\":{\"S\":\"teal\"}}}");

        String overview = page("/_stride/console/resources");
        assertThat(overview).contains("console-orders").contains("console-records").contains("id=\"queues\"").contains("id=\"tables\"");
        String peek = page("/_stride/console/resources/queue?url=" + enc(url));
        assertThat(peek).contains("hello from the test").contains("READY");
        JsonNode attrs = aws("AmazonSQS.GetQueueAttributes", "application/x-amz-json-1.0",
                "{\"QueueUrl\":\"" + url + "\",\"AttributeNames\":[\"All\"]}").path("Attributes");
        assertThat(attrs.path("ApproximateNumberOfMessages").asText()).isEqualTo("1");
        assertThat(attrs.path("ApproximateNumberOfMessagesNotVisible").asText()).isEqualTo("0");
        assertThat(page("/_stride/console/resources/table?name=console-records")).contains("teal");
        assertThat(page("/_stride/console/resources/table?name=console-records&key=r-1")).contains("teal");
        assertThat(page("/_stride/console/resources/table?name=console-records&key=r-2")).doesNotContain("teal");
    }

    @Test
    void localResourcesShowTopicsBucketsAndBatchJobsWithTheirLogs() throws Exception {
        rest("POST", "/?Action=CreateTopic&Name=console-alerts", "");
        rest("PUT", "/console-bucket", "");
        rest("PUT", "/console-bucket/reports/one.txt", "first report");
        rest("POST", "/v1/createcomputeenvironment", """
            {"computeEnvironmentName":"console-ce","type":"MANAGED","computeResources":{"type":"FARGATE","maxvCpus":4,"subnets":["s"]}}""");
        rest("POST", "/v1/createjobqueue", """
            {"jobQueueName":"console-q","priority":1,"computeEnvironmentOrder":[{"order":1,"computeEnvironment":"console-ce"}]}""");
        rest("POST", "/v1/registerjobdefinition", """
            {"jobDefinitionName":"console-job","type":"container","containerProperties":{"image":"busybox",
             "command":["sh","-c","echo printed by the console job"],
             "resourceRequirements":[{"type":"VCPU","value":"1"},{"type":"MEMORY","value":"512"}]}}""");
        rest("POST", "/v1/submitjob", "{\"jobName\":\"console-job\",\"jobQueue\":\"console-q\",\"jobDefinition\":\"console-job\"}");
        String overview = "";
        for (int i = 0; i < 200 && !overview.contains("badge SUCCEEDED"); i++) {
            Thread.sleep(50);
            overview = page("/_stride/console/resources");
        }
        assertThat(overview).contains("console-alerts").contains("console-bucket").contains("console-job (").contains("badge SUCCEEDED");
        assertThat(page("/_stride/console/resources/bucket?name=console-bucket&prefix=reports/")).contains("reports/one.txt");
        Matcher logs = Pattern.compile("href=\"(/_stride/console/resources/logs\\?[^\"]+)\"").matcher(overview);
        assertThat(logs.find()).isTrue();
        assertThat(page(logs.group(1).replace("&amp;", "&"))).contains("printed by the console job");
    }

    @Test
    void localResourcesShowEcsTasksWithTheirContainersLogs() throws Exception {
        String json = "application/x-amz-json-1.1";
        aws("Logs_20140328.CreateLogGroup", json, "{\"logGroupName\":\"/ecs/console\"}");
        aws("AmazonEC2ContainerServiceV20141113.CreateCluster", json, "{\"clusterName\":\"console-cluster\"}");
        aws("AmazonEC2ContainerServiceV20141113.RegisterTaskDefinition", json, """
            {"family":"console-task","networkMode":"awsvpc","requiresCompatibilities":["FARGATE"],"cpu":"256","memory":"512",
             "containerDefinitions":[{"name":"main","image":"busybox","essential":true,"command":["sh","-c","echo said by the ecs task"],
               "logConfiguration":{"logDriver":"awslogs","options":{"awslogs-group":"/ecs/console","awslogs-region":"us-east-1",
                 "awslogs-stream-prefix":"ecs"}}}]}""");
        aws("AmazonEC2ContainerServiceV20141113.RunTask", json, """
            {"cluster":"console-cluster","taskDefinition":"console-task","launchType":"FARGATE",
             "networkConfiguration":{"awsvpcConfiguration":{"subnets":["subnet-1"]}}}""");
        String overview = "";
        for (int i = 0; i < 200 && !(overview.contains("console-cluster") && overview.contains("badge STOPPED")); i++) {
            Thread.sleep(50);
            overview = page("/_stride/console/resources");
        }
        String ecs = overview.substring(overview.indexOf("id=\"ecs\""));
        assertThat(ecs).contains("console-cluster").contains("badge STOPPED").contains("main: STOPPED (exit 0)");
        Matcher logs = Pattern.compile("href=\"(/_stride/console/resources/logs\\?group=%2Fecs%2Fconsole[^\"]+)\"").matcher(ecs);
        assertThat(logs.find()).as(ecs).isTrue();
        assertThat(page(logs.group(1).replace("&amp;", "&"))).contains("said by the ecs task");
    }

    @Test
    void aMachinesPageListsItsVersionsAndAliasesWithTheirWeightsAndAnAliasPageItsExecutions() throws Exception {
        String v1 = sfn("CreateStateMachine", JSON.createObjectNode().put("name", "versioned").put("definition", SLOW).put("roleArn", ROLE)
                .put("publish", true)).path("stateMachineVersionArn").asText();
        String machine = PREFIX + "stateMachine:versioned";
        String v2 = sfn("UpdateStateMachine", JSON.createObjectNode().put("stateMachineArn", machine)
                .put("definition", SLOW.replace("\"Seconds\": 1", "\"Seconds\": 0")).put("publish", true)).path("stateMachineVersionArn").asText();
        var alias = JSON.createObjectNode().put("name", "live");
        alias.putArray("routingConfiguration").add(JSON.createObjectNode().put("stateMachineVersionArn", v1).put("weight", 70))
                .add(JSON.createObjectNode().put("stateMachineVersionArn", v2).put("weight", 30));
        String aliasArn = sfn("CreateStateMachineAlias", alias).path("stateMachineAliasArn").asText();
        String page = page("/_stride/console/machine?arn=" + enc(machine));
        assertThat(page).contains("id=\"versions\"").contains(">version 1</a>").contains(">version 2</a>")
                .contains("href=\"alias?arn=" + enc(aliasArn) + "\">live</a>").contains("version 1</a> 70%").contains("version 2</a> 30%");
        assertThat(page("/_stride/console/machine?arn=" + enc(v1))).contains("version 1").contains("a published version of");
        String run = sfn("StartExecution", JSON.createObjectNode().put("stateMachineArn", aliasArn).put("name", "through-the-alias"))
                .path("executionArn").asText();
        await(run);
        String aliasPage = page("/_stride/console/alias?arn=" + enc(aliasArn));
        assertThat(aliasPage).contains("id=\"routing\"").contains("70%").contains(">through-the-alias</a>").contains("data-arn=\"" + aliasArn + "\"");
    }

    @Test
    void theActivitiesPageListsActivitiesAndTheMachinesThatUseThem() throws Exception {
        String arn = sfn("CreateActivity", JSON.createObjectNode().put("name", "console-work")).path("activityArn").asText();
        sfn("CreateStateMachine", JSON.createObjectNode().put("name", "uses-work").put("roleArn", ROLE).put("definition",
                "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Task\",\"Resource\":\"" + arn + "\",\"End\":true}}}"));
        assertThat(page("/_stride/console/")).contains("href=\"/_stride/console/activities\"").contains("href=\"/_stride/console/map-runs\"");
        assertThat(page("/_stride/console/activities")).contains(">console-work</a>").contains(arn);
        assertThat(page("/_stride/console/activity?arn=" + enc(arn))).contains("console-work").contains(">uses-work</a>");
    }

    @Test
    void aDistributedMapRunShowsItsStatusCountsAndChildExecutions() throws Exception {
        sfn("CreateStateMachine", JSON.createObjectNode().put("name", "distributed").put("roleArn", ROLE).put("definition", """
            {"StartAt": "Spread", "States": {"Spread": {"Type": "Map", "ItemsPath": "$.items", "MaxConcurrency": 2,
              "ToleratedFailurePercentage": 10, "End": true,
              "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
                "StartAt": "One", "States": {"One": {"Type": "Pass", "End": true}}}}}}"""));
        String arn = startAndWait("distributed", "spread-out", "{\"items\": [1, 2, 3]}");
        String execution = page("/_stride/console/execution?arn=" + enc(arn));
        Matcher link = Pattern.compile("href=\"(map-run\\?arn=[^\"]+)\"").matcher(execution);
        assertThat(link.find()).as("the execution page links its Map Run").isTrue();
        assertThat(page("/_stride/console/map-runs")).contains(link.group(1)).contains(">spread-out</a>");
        String run = page("/_stride/console/" + link.group(1).replace("&amp;", "&"));
        assertThat(run).contains("badge SUCCEEDED").contains("id=\"map-run-counts\"").contains("<td>total</td><td>3</td>")
                .contains("10.0% or 0 items").contains("Max concurrency</dt><dd>2").contains("id=\"map-run-children\"");
    }

    @Test
    void theTimelineHasALanePerStateBranchAndIterationAndABranchIsColouredFromItsOwnEvents() throws Exception {
        String arn = startAndWait("flow", "timed", "{\"n\": 2, \"items\": [1, 2]}");
        assertThat(page("/_stride/console/execution?arn=" + enc(arn))).contains("id=\"timeline-box\" open").contains("id=\"timeline\"");
        JsonNode timeline = JSON.readTree(page("/_stride/console/api/timeline?arn=" + enc(arn)));
        List<String> lanes = new ArrayList<>();
        for (JsonNode lane : timeline.path("lanes")) {
            lanes.add(lane.path("branch").asText("") + "/" + lane.path("iteration").asText("") + "/" + lane.path("state").asText());
        }
        assertThat(lanes).containsSubsequence("//Check", "//Fan", "//Each", "//Done")
                .contains("Fan branch 1//Quick", "Fan branch 2//Boom", "/0/Item", "/1/Item");
        JsonNode fan = timeline.path("lanes").get(lanes.indexOf("//Fan")).path("spans");
        assertThat(fan.size()).as("entered once: its retry runs inside the same entry").isEqualTo(1);
        JsonNode boom = timeline.path("lanes").get(lanes.indexOf("Fan branch 2//Boom")).path("spans");
        assertThat(boom.get(0).get(2).asText()).isEqualTo("failed");
        assertThat(timeline.path("end").asLong()).isGreaterThan(timeline.path("start").asLong());

        JsonNode second = JSON.readTree(page("/_stride/console/api/picture?arn=" + enc(arn) + "&parallel=Fan&branch=1"));
        assertThat(second.path("states").has("Boom")).isTrue();
        assertThat(second.path("states").has("Quick")).isFalse();
        assertThat(second.path("states").path("Boom").path("class").asText()).isEqualTo("st-failed");
        assertThat(second.path("inside").toString()).isEqualTo("[\"Boom\"]");
        JsonNode first = JSON.readTree(page("/_stride/console/api/picture?arn=" + enc(arn) + "&parallel=Fan&branch=0"));
        assertThat(first.path("states").path("Quick").path("class").asText()).isEqualTo("st-succeeded");
        assertThat(first.path("states").has("Boom")).isFalse();
        JsonNode all = JSON.readTree(page("/_stride/console/api/picture?arn=" + enc(arn)));
        assertThat(all.path("parallels").toString()).contains("\"state\":\"Fan\",\"branches\":2");
        assertThat(JSON.readTree(page("/_stride/console/api/picture?arn=" + enc(arn) + "&upTo=2")).path("at").path("state").asText()).isEqualTo("Check");
    }

    @Test
    void aStatesAssignedVariablesAreShownBesideItsOutput() throws Exception {
        sfn("CreateStateMachine", JSON.createObjectNode().put("name", "assigning").put("roleArn", ROLE).put("definition", """
            {"StartAt": "Keep", "States": {"Keep": {"Type": "Pass", "Assign": {"seen.$": "$.n", "label": "kept"}, "End": true}}}"""));
        String arn = startAndWait("assigning", "assigned", "{\"n\": 3}");
        JsonNode keep = JSON.readTree(page("/_stride/console/api/picture?arn=" + enc(arn))).path("states").path("Keep");
        assertThat(keep.path("variables").path("seen").asInt()).isEqualTo(3);
        assertThat(keep.path("variables").path("label").asText()).isEqualTo("kept");
    }

    @Test
    void stateDataIsShownAsTextNeverAsHtml() throws Exception {
        String hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>";
        String input = JSON.writeValueAsString(JSON.createObjectNode().put("n", 0).put("note", hostile));
        String arn = sfn("StartExecution", JSON.createObjectNode().put("stateMachineArn", PREFIX + "stateMachine:flow")
                .put("name", "hostile-input").put("input", input)).path("executionArn").asText();
        await(arn);
        String page = page("/_stride/console/execution?arn=" + enc(arn));
        assertThat(page).doesNotContain("<script>alert").doesNotContain("<img src=x").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(page("/_stride/console/machine?arn=" + enc(PREFIX + "stateMachine:flow"))).doesNotContain("<script>alert");
        HttpResponse<String> picture = get("/_stride/console/api/picture?arn=" + enc(arn), "*/*");
        assertThat(picture.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(picture.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'self'");
        assertThat(picture.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    // --- helpers

    static void rest(String method, String path, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.endpoint() + path)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isLessThan(300);
    }

    static String stateClass(String page, String state) {
        Matcher m = Pattern.compile("<g class=\"([^\"]*)\" data-id=\"[^\"]*\" data-scope=\"[^\"]*\" data-state=\"" + Pattern.quote(state) + "\"")
                .matcher(page);
        assertThat(m.find()).as("state %s on the page", state).isTrue();
        return m.group(1);
    }

    static String startAndWait(String machine, String name, String input) throws Exception {
        String arn = sfn("StartExecution", JSON.createObjectNode().put("stateMachineArn", PREFIX + "stateMachine:" + machine)
                .put("name", name).put("input", input)).path("executionArn").asText();
        await(arn);
        return arn;
    }

    static JsonNode await(String arn) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode d = describe(arn);
            if (!d.path("status").asText().equals("RUNNING")) return d;
            Thread.sleep(50);
        }
        throw new AssertionError(arn + " did not finish");
    }

    static JsonNode describe(String arn) throws Exception {
        return sfn("DescribeExecution", JSON.createObjectNode().put("executionArn", arn));
    }

    static JsonNode sfn(String action, JsonNode body) throws Exception {
        return aws("AWSStepFunctions." + action, "application/x-amz-json-1.0", JSON.writeValueAsString(body));
    }

    static JsonNode aws(String target, String type, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(server.endpoint().resolve("/")).header("X-Amz-Target", target)
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(target + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    static JsonNode action(String name, JsonNode body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(server.endpoint().resolve("/_stride/console/api/" + name))
                .header("Content-Type", "application/json").header("X-Stride-Console", "1")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(name + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    static String page(String path) throws Exception {
        HttpResponse<String> r = get(path, "text/html");
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return r.body();
    }

    static HttpResponse<String> get(String path, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.endpoint() + path)).header("Accept", accept).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }
}
