package dev.stride.service.ecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.service.JsonProtocol;
import dev.stride.service.ServiceCall;
import dev.stride.service.ServiceException;
import dev.stride.service.compute.ComputeSettings;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskLifecycleTest {
    @TempDir Path work;
    MapRecordStore store = new MapRecordStore();
    EcsService ecs;

    @BeforeEach
    void start() {
        ecs = open();
        call("CreateCluster", "{'ClusterName':'c'}");
    }

    EcsService open() { return new EcsService(store, System::currentTimeMillis, new ComputeSettings(work, "http://localhost:1", "us-east-1", "test", "test", 1 << 20, 200), null); }

    @AfterEach
    void stop() { ecs.close(); }

    JsonNode call(String action, String json) {
        try {
            ObjectNode p = (ObjectNode) JsonProtocol.MAPPER.readTree(json.replace('\'', '"'));
            return ecs.call(new ServiceCall(action, p, "us-east-1", "123456789012", null, null));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    JsonNode awaitStopped(String arn) throws Exception {
        CompletableFuture<JsonNode> done = new CompletableFuture<>();
        ecs.whenEnded("us-east-1", "123456789012", arn, done::complete);
        return done.get(20, TimeUnit.SECONDS);
    }

    String run(String family) { return call("RunTask", "{'Cluster':'c','TaskDefinition':'" + family + "'}").path("Tasks").path(0).path("TaskArn").asText(); }

    @Test
    void theTaskStopsWhenItsEssentialContainerExitsAndStopsTheOthers() throws Exception {
        call("RegisterTaskDefinition", "{'Family':'f','ContainerDefinitions':[{'Name':'main','Image':'x','Command':['sh','-c','exit 0']},"
                + "{'Name':'side','Image':'x','Essential':false,'Command':['sleep','30']}]}");
        JsonNode t = awaitStopped(run("f"));
        assertThat(t.path("LastStatus").asText()).isEqualTo("STOPPED");
        assertThat(t.path("StopCode").asText()).isEqualTo("EssentialContainerExited");
        assertThat(ecs.succeeded(t)).isTrue();
    }

    @Test
    void aNonZeroEssentialExitIsNoSuccess() throws Exception {
        call("RegisterTaskDefinition", "{'Family':'f','ContainerDefinitions':[{'Name':'main','Image':'x','EntryPoint':['sh','-c'],'Command':['exit 2']}]}");
        JsonNode t = awaitStopped(run("f"));
        assertThat(t.path("Containers").path(0).path("ExitCode").asInt()).isEqualTo(2);
        assertThat(ecs.succeeded(t)).isFalse();
    }

    @Test
    void aContainerThatCannotStartFailsTheTaskToStart() throws Exception {
        call("RegisterTaskDefinition", "{'Family':'f','ContainerDefinitions':[{'Name':'main','Image':'x','Command':['/no/such/program']}]}");
        JsonNode t = awaitStopped(run("f"));
        assertThat(t.path("StopCode").asText()).isEqualTo("TaskFailedToStart");
        assertThat(t.path("StoppedReason").asText()).startsWith("CannotStartContainerError");
    }

    @Test
    void aTaskRunningInACrashStopsAsItsHostTerminated() throws Exception {
        call("RegisterTaskDefinition", "{'Family':'f','ContainerDefinitions':[{'Name':'main','Image':'x','Command':['sleep','30']}]}");
        String arn = run("f");
        for (int i = 0; i < 300 && !call("DescribeTasks", "{'Cluster':'c','Tasks':['" + arn + "']}").path("Tasks").path(0).path("LastStatus").asText().equals("RUNNING"); i++) {
            Thread.sleep(10);
        }
        ecs.close();
        ecs = open();
        JsonNode t = call("DescribeTasks", "{'Cluster':'c','Tasks':['" + arn + "']}").path("Tasks").path(0);
        assertThat(t.path("LastStatus").asText()).isEqualTo("STOPPED");
        assertThat(t.path("StopCode").asText()).isEqualTo("TerminationNotice");
        assertThat(t.path("StoppedReason").asText()).matches("Host EC2 \\(instance i-[0-9a-f]+\\) terminated\\.");
    }

    @Test
    void unknownClustersAndDefinitionsAreRefusedAsEcsRefusesThem() {
        assertThatThrownBy(() -> call("RunTask", "{'Cluster':'nope','TaskDefinition':'f'}")).isInstanceOfSatisfying(ServiceException.class,
                e -> assertThat(e.type()).isEqualTo("ClusterNotFoundException"));
        assertThatThrownBy(() -> call("RunTask", "{'Cluster':'c','TaskDefinition':'nope'}")).isInstanceOfSatisfying(ServiceException.class,
                e -> assertThat(e.type()).isEqualTo("InvalidParameterException"));
        assertThatThrownBy(() -> call("RegisterTaskDefinition", "{'Family':'f','ContainerDefinitions':[{'Name':'a'}]}"))
                .hasMessage("Container.image should not be null or empty.");
    }

    @Test
    void definitionsGetRevisionsPerFamily() {
        call("RegisterTaskDefinition", "{'Family':'f','ContainerDefinitions':[{'Name':'a','Image':'x','Command':['true']}]}");
        JsonNode second = call("RegisterTaskDefinition", "{'Family':'f','ContainerDefinitions':[{'Name':'a','Image':'x','Command':['true']}]}");
        assertThat(second.path("TaskDefinition").path("Revision").asInt()).isEqualTo(2);
        call("DeregisterTaskDefinition", "{'TaskDefinition':'f:1'}");
        assertThat(call("ListTaskDefinitions", "{'FamilyPrefix':'f'}").path("TaskDefinitionArns")).hasSize(1);
        assertThat(call("DescribeTaskDefinition", "{'TaskDefinition':'f'}").path("TaskDefinition").path("Revision").asInt()).isEqualTo(2);
    }
}
