package dev.stride.service.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.service.JsonProtocol;
import dev.stride.service.ServiceCall;
import dev.stride.service.ServiceException;
import org.junit.jupiter.api.Test;

class LogsTest {
    final MapRecordStore store = new MapRecordStore();
    LogsService logs = new LogsService(store, () -> 1_000);

    JsonNode call(String action, String json) {
        try {
            ObjectNode p = (ObjectNode) JsonProtocol.MAPPER.readTree(json.replace('\'', '"'));
            return logs.call(new ServiceCall(action, p, "us-east-1", "123456789012", null, null));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    void put(String... messages) {
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < messages.length; i++) events.append(i == 0 ? "" : ",").append("{'timestamp':").append(100 + i).append(",'message':'").append(messages[i]).append("'}");
        call("PutLogEvents", "{'logGroupName':'/g','logStreamName':'s','logEvents':[" + events + "]}");
    }

    @Test
    void eventsComeBackInOrderAndPagingEndsWithTheSameToken() {
        call("CreateLogGroup", "{'logGroupName':'/g'}");
        call("CreateLogStream", "{'logGroupName':'/g','logStreamName':'s'}");
        put("one", "two", "three");
        JsonNode first = call("GetLogEvents", "{'logGroupName':'/g','logStreamName':'s','startFromHead':true,'limit':2}");
        assertThat(first.path("events").findValuesAsText("message")).containsExactly("one", "two");
        String next = first.path("nextForwardToken").asText();
        JsonNode second = call("GetLogEvents", "{'logGroupName':'/g','logStreamName':'s','nextToken':'" + next + "'}");
        assertThat(second.path("events").findValuesAsText("message")).containsExactly("three");
        JsonNode end = call("GetLogEvents", "{'logGroupName':'/g','logStreamName':'s','nextToken':'" + second.path("nextForwardToken").asText() + "'}");
        assertThat(end.path("events")).isEmpty();
        assertThat(end.path("nextForwardToken").asText()).isEqualTo(second.path("nextForwardToken").asText());
    }

    @Test
    void filterMatchesTermsAcrossStreams() {
        call("CreateLogGroup", "{'logGroupName':'/g'}");
        call("CreateLogStream", "{'logGroupName':'/g','logStreamName':'s'}");
        put("ERROR disk full", "INFO fine", "ERROR net down");
        JsonNode hits = call("FilterLogEvents", "{'logGroupName':'/g','filterPattern':'ERROR -net'}");
        assertThat(hits.path("events").findValuesAsText("message")).containsExactly("ERROR disk full");
        assertThat(call("FilterLogEvents", "{'logGroupName':'/g','filterPattern':'?fine ?net'}").path("events")).hasSize(2);
    }

    @Test
    void groupsStreamsAndEventsSurviveARestart() {
        call("CreateLogGroup", "{'logGroupName':'/g'}");
        call("CreateLogStream", "{'logGroupName':'/g','logStreamName':'s'}");
        put("kept");
        logs = new LogsService(store, () -> 2_000);
        assertThat(call("DescribeLogGroups", "{}").path("logGroups").findValuesAsText("logGroupName")).containsExactly("/g");
        assertThat(call("DescribeLogStreams", "{'logGroupName':'/g'}").path("logStreams").path(0).path("lastEventTimestamp").asLong()).isEqualTo(100);
        assertThat(call("GetLogEvents", "{'logGroupName':'/g','logStreamName':'s'}").path("events").findValuesAsText("message")).containsExactly("kept");
    }

    @Test
    void missingAndDuplicateResourcesGetAwsErrors() {
        assertThatThrownBy(() -> call("CreateLogStream", "{'logGroupName':'/none','logStreamName':'s'}")).isInstanceOfSatisfying(ServiceException.class, e -> {
            assertThat(e.type()).isEqualTo("ResourceNotFoundException");
            assertThat(e.getMessage()).isEqualTo("The specified log group does not exist.");
        });
        call("CreateLogGroup", "{'logGroupName':'/g'}");
        assertThatThrownBy(() -> call("CreateLogGroup", "{'logGroupName':'/g'}")).hasMessage("The specified log group already exists");
        assertThatThrownBy(() -> call("GetLogEvents", "{'logGroupName':'/g','logStreamName':'x'}")).hasMessage("The specified log stream does not exist.");
    }

    @Test
    void pascalCaseMembersFromTaskStatesWork() {
        call("CreateLogGroup", "{'LogGroupName':'/p'}");
        assertThat(call("DescribeLogGroups", "{'LogGroupNamePrefix':'/p'}").path("logGroups")).hasSize(1);
    }
}
