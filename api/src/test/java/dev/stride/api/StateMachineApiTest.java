package dev.stride.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.CreateStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.InvalidNameException;
import software.amazon.awssdk.services.sfn.model.ListStateMachinesResponse;
import software.amazon.awssdk.services.sfn.model.MissingRequiredParameterException;
import software.amazon.awssdk.services.sfn.model.StateMachineAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.StateMachineListItem;
import software.amazon.awssdk.services.sfn.model.StateMachineStatus;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResponse;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResultCode;

class StateMachineApiTest extends ApiFixture {
    private static final String NO_START = "{\"States\": {\"A\": {\"Type\": \"Pass\", \"End\": true}}}";

    @Test
    void aCreatedMachineDescribesItsDefinitionRoleAndType() {
        CreateStateMachineResponse created = sfn.createStateMachine(b -> b.name("sm-describe").definition(HELLO).roleArn(ROLE));

        DescribeStateMachineResponse d = sfn.describeStateMachine(b -> b.stateMachineArn(created.stateMachineArn()));

        assertThat(created.stateMachineArn()).isEqualTo(ACCOUNT_PREFIX + "stateMachine:sm-describe");
        assertThat(d.name()).isEqualTo("sm-describe");
        assertThat(d.definition()).isEqualTo(HELLO);
        assertThat(d.roleArn()).isEqualTo(ROLE);
        assertThat(d.type()).isEqualTo(StateMachineType.STANDARD);
        assertThat(d.status()).isEqualTo(StateMachineStatus.ACTIVE);
        assertThat(d.creationDate()).isEqualTo(created.creationDate());
        assertThat(d.revisionId()).isNull(); // AWS gives the first revision no id (recorded); an update does
    }

    @Test
    void anInvalidDefinitionIsRejectedWithTheValidatorsMessage() {
        assertThatThrownBy(() -> createMachine("sm-invalid", NO_START))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("Invalid State Machine Definition: '")
                .hasMessageContaining("StartAt");
        assertThatThrownBy(() -> createMachine("sm-not-json", "{\"StartAt\": "))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("INVALID_JSON_DESCRIPTION");
    }

    @Test
    void aNameOutsideAwsRulesIsInvalidName() {
        assertThatThrownBy(() -> createMachine("bad name!", HELLO)).isInstanceOf(InvalidNameException.class);
        assertThatThrownBy(() -> createMachine("a/b", HELLO)).isInstanceOf(InvalidNameException.class)
                .hasMessageContaining("Invalid Name: 'a/b'");
        // AWS's rule for state machine names forbids characters, not digits: an all-digit name is fine (aliases differ)
        createMachine("12345", HELLO);
        assertThatThrownBy(() -> createMachine("x".repeat(81), HELLO)).isInstanceOf(InvalidNameException.class);
    }

    @Test
    void creatingTheSameMachineTwiceIsIdempotentButADifferentDefinitionIsRejected() {
        CreateStateMachineResponse first = sfn.createStateMachine(b -> b.name("sm-twice").definition(HELLO).roleArn(ROLE));
        CreateStateMachineResponse again = sfn.createStateMachine(b -> b.name("sm-twice").definition(HELLO).roleArn(ROLE));

        assertThat(again.stateMachineArn()).isEqualTo(first.stateMachineArn());
        assertThat(again.creationDate()).isEqualTo(first.creationDate());
        assertThatThrownBy(() -> createMachine("sm-twice", FAILING))
                .isInstanceOf(StateMachineAlreadyExistsException.class)
                .hasMessageContaining("State Machine Already Exists: '" + first.stateMachineArn() + "'");
    }

    @Test
    void listingMachinesPagesThroughAllOfThem() {
        for (int i = 0; i < 5; i++) createMachine("sm-page-" + i, HELLO);

        List<String> names = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String t = token;
            ListStateMachinesResponse page = sfn.listStateMachines(b -> b.maxResults(2).nextToken(t));
            assertThat(page.stateMachines()).hasSizeLessThanOrEqualTo(2);
            page.stateMachines().stream().map(StateMachineListItem::name).forEach(names::add);
            token = page.nextToken();
            pages++;
        } while (token != null);

        assertThat(names).contains("sm-page-0", "sm-page-1", "sm-page-2", "sm-page-3", "sm-page-4").doesNotHaveDuplicates();
        assertThat(pages).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aDeletedMachineNoLongerExists() {
        String sm = createMachine("sm-delete", HELLO);

        sfn.deleteStateMachine(b -> b.stateMachineArn(sm));

        assertThatThrownBy(() -> sfn.describeStateMachine(b -> b.stateMachineArn(sm)))
                .isInstanceOf(StateMachineDoesNotExistException.class);
        assertThat(sfn.listStateMachines(b -> {}).stateMachines()).extracting(StateMachineListItem::name).doesNotContain("sm-delete");
    }

    @Test
    void anUpdatedMachineRunsTheNewDefinitionWhileOldExecutionsKeepTheirs() {
        String sm = createMachine("sm-update", HELLO);
        String oldRevision = sfn.describeStateMachine(b -> b.stateMachineArn(sm)).revisionId();
        String before = sfn.startExecution(b -> b.stateMachineArn(sm).input("{\"name\":\"a\"}")).executionArn();

        var updated = sfn.updateStateMachine(b -> b.stateMachineArn(sm).definition(FAILING));
        String after = sfn.startExecution(b -> b.stateMachineArn(sm)).executionArn();

        assertThat(updated.revisionId()).isNotEqualTo(oldRevision);
        assertThat(sfn.describeStateMachine(b -> b.stateMachineArn(sm)).definition()).isEqualTo(FAILING);
        assertThat(awaitDone(after).error()).isEqualTo("Custom.Error");
        assertThat(sfn.describeStateMachineForExecution(b -> b.executionArn(before)).definition()).isEqualTo(HELLO);
        assertThat(sfn.describeStateMachineForExecution(b -> b.executionArn(after)).definition()).isEqualTo(FAILING);
        assertThatThrownBy(() -> sfn.updateStateMachine(b -> b.stateMachineArn(sm)))
                .isInstanceOf(MissingRequiredParameterException.class);
        assertThatThrownBy(() -> sfn.updateStateMachine(b -> b.stateMachineArn(sm).definition(NO_START)))
                .isInstanceOf(InvalidDefinitionException.class);
    }

    @Test
    void aPublishedVersionCanBeDescribedAndStarted() {
        var created = sfn.createStateMachine(b -> b.name("sm-versions").definition(HELLO).roleArn(ROLE).publish(true));
        sfn.updateStateMachine(b -> b.stateMachineArn(created.stateMachineArn()).definition(FAILING));

        String exec = sfn.startExecution(b -> b.stateMachineArn(created.stateMachineVersionArn()).input("{\"name\":\"v1\"}")).executionArn();

        assertThat(created.stateMachineVersionArn()).isEqualTo(created.stateMachineArn() + ":1");
        assertThat(sfn.describeStateMachine(b -> b.stateMachineArn(created.stateMachineVersionArn())).definition()).isEqualTo(HELLO);
        assertThat(awaitDone(exec).output()).isEqualTo("{\"greeting\":\"hello v1\"}");
        assertThat(awaitDone(exec).stateMachineVersionArn()).isEqualTo(created.stateMachineVersionArn());
    }

    @Test
    void validatingADefinitionReturnsDiagnosticsInsteadOfAnError() {
        ValidateStateMachineDefinitionResponse bad = sfn.validateStateMachineDefinition(b -> b.definition(NO_START));
        ValidateStateMachineDefinitionResponse good = sfn.validateStateMachineDefinition(b -> b.definition(HELLO));

        assertThat(bad.result()).isEqualTo(ValidateStateMachineDefinitionResultCode.FAIL);
        assertThat(bad.diagnostics()).isNotEmpty();
        assertThat(bad.diagnostics().get(0).code()).isNotBlank();
        assertThat(good.result()).isEqualTo(ValidateStateMachineDefinitionResultCode.OK);
        assertThat(good.diagnostics()).isEmpty();
    }

    @Test
    void anExpressMachineReportsItsType() {
        String sm = createExpress("sm-express", HELLO);

        assertThat(sfn.describeStateMachine(b -> b.stateMachineArn(sm)).type()).isEqualTo(StateMachineType.EXPRESS);
    }
}
