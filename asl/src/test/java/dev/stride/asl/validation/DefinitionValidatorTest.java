package dev.stride.asl.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.asl.read.DefinitionReader;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DefinitionValidatorTest {

    static List<Diagnostic> check(String json) {
        return check(json, StateMachineType.STANDARD);
    }

    static List<Diagnostic> check(String json, StateMachineType type) {
        return DefinitionValidator.validate(DefinitionReader.read(json), type);
    }

    static List<String> rendered(String json) {
        return check(json).stream().map(Diagnostic::render).toList();
    }

    static String pass(String name, String extra) {
        return "\"" + name + "\": {\"Type\": \"Pass\"" + extra + "}";
    }

    static String machine(String states) {
        return "{\"StartAt\": \"A\", \"States\": {" + states + "}}";
    }

    @Nested
    class TopLevel {
        @Test
        void aValidMinimalMachineHasNoDiagnostics() {
            assertThat(check(machine(pass("A", ", \"End\": true")))).isEmpty();
        }

        @Test
        void missingStatesAndStartAtAreReportedTogetherAtTheRoot() {
            assertThat(rendered("{}")).containsExactly(
                    "SCHEMA_VALIDATION_FAILED: These fields are required: [States, StartAt] at /");
        }

        @Test
        void createErrorMessageQuotesTheProblemsAsAws() {
            List<Diagnostic> d = check("{\"StartAt\": \"A\"}");
            assertThat(DefinitionValidator.createErrorMessage(d)).isEqualTo(
                    "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: These fields are required: [States] at /'");
        }

        @Test
        void severalProblemsAreJoinedWithCommaInsideOneQuotedString() {
            List<Diagnostic> d = check("{\"StartAt\": \"pass1\", \"States\": {\"pass1\": {\"Type\": \"Pass\", \"Next\": \"pass3\"},"
                    + " \"pass2\": {\"Type\": \"Pass\", \"End\": true}}}");
            assertThat(DefinitionValidator.createErrorMessage(d)).isEqualTo(
                    "Invalid State Machine Definition: 'MISSING_TRANSITION_TARGET: Missing 'Next' target: pass3 at /States/pass1/Next, "
                            + "MISSING_TRANSITION_TARGET: State \"pass2\" is not reachable. at /States/pass2'");
        }

        @Test
        void unknownTopLevelFieldIsNotSupported() {
            assertThat(rendered("{\"StartAt\": \"A\", \"Foo\": 1, \"States\": {" + pass("A", ", \"End\": true") + "}}"))
                    .containsExactly("SCHEMA_VALIDATION_FAILED: Field 'Foo' is not supported at /");
        }

        @Test
        void startAtNamingNoStateIsAMissingTarget() {
            assertThat(rendered("{\"StartAt\": \"Nope\", \"States\": {" + pass("A", ", \"End\": true") + "}}"))
                    .containsExactly("MISSING_TRANSITION_TARGET: Missing 'Next' target: Nope at /StartAt",
                            "MISSING_TRANSITION_TARGET: State \"A\" is not reachable. at /States/A");
        }

        @Test
        void definitionTextThatIsNotAnObjectIsRejected() {
            JsonNode r = DefinitionValidator.validateResponse(DefinitionValidator.validateText(" ", StateMachineType.STANDARD));
            assertThat(r.toString()).isEqualTo("{\"result\":\"FAIL\",\"diagnostics\":[{\"severity\":\"ERROR\","
                    + "\"code\":\"SCHEMA_VALIDATION_FAILED\",\"message\":\"Definition must be a valid JSON object\"}],\"truncated\":false}");
        }

        @Test
        void definitionTextThatIsNotJsonGivesInvalidJsonDescription() {
            List<Diagnostic> d = DefinitionValidator.validateText("not a definition", StateMachineType.STANDARD);
            assertThat(d).singleElement().satisfies(x -> {
                assertThat(x.code()).isEqualTo("INVALID_JSON_DESCRIPTION");
                assertThat(x.location()).isEqualTo("[Source: (String)\"not a definition\"; line: 1, column: 4]");
            });
        }
    }

    @Nested
    class Transitions {
        @Test
        void aStateWithNeitherNextNorEndIsRejected() {
            assertThat(rendered(machine(pass("A", "")))).first().asString().contains("[Next, End] at /States/A");
        }

        @Test
        void aStateWithBothNextAndEndIsRejected() {
            assertThat(rendered(machine(pass("A", ", \"Next\": \"B\", \"End\": true") + "," + pass("B", ", \"End\": true"))))
                    .containsExactly("SCHEMA_VALIDATION_FAILED: There should only be one of the following fields: [Next, End] at /States/A");
        }

        @Test
        void aLoopWithoutTerminalStateIsMissingEndStateWithoutLocation() {
            assertThat(rendered(machine(pass("A", ", \"Next\": \"B\"") + "," + pass("B", ", \"Next\": \"A\""))))
                    .containsExactly("MISSING_END_STATE: Workflow has no terminal state at null");
        }

        @Test
        void unreachableStatesAreReportedAfterStateProblems() {
            assertThat(rendered(machine(pass("A", ", \"End\": true") + "," + pass("C", ", \"End\": true"))))
                    .containsExactly("MISSING_TRANSITION_TARGET: State \"C\" is not reachable. at /States/C");
        }

        @Test
        void catchAndChoiceTargetsMustExist() {
            String def = machine("\"A\": {\"Type\": \"Choice\", \"Choices\": [{\"Variable\": \"$.x\", \"IsNull\": true, \"Next\": \"X\"}],"
                    + " \"Default\": \"Y\"}");
            assertThat(rendered(def)).contains("MISSING_TRANSITION_TARGET: Missing 'Next' target: X at /States/A/Choices[0]/Next",
                    "MISSING_TRANSITION_TARGET: Missing 'Next' target: Y at /States/A/Default");
        }

        @Test
        void stateNamesMustBeUniqueAcrossBranches() {
            String def = machine("\"A\": {\"Type\": \"Parallel\", \"End\": true, \"Branches\": [{\"StartAt\": \"A\", \"States\": {"
                    + pass("A", ", \"End\": true") + "}}]}");
            assertThat(check(def)).extracting(Diagnostic::code).containsExactly("DUPLICATE_STATE_NAME");
        }

        @Test
        void stateNamesLongerThan80CharactersAreRejected() {
            String name = "x".repeat(81);
            String def = "{\"StartAt\": \"" + name + "\", \"States\": {" + pass(name, ", \"End\": true") + "}}";
            assertThat(check(def)).extracting(Diagnostic::code).containsExactly("INVALID_STATE_NAME");
        }
    }

    @Nested
    class StateFields {
        @Test
        void fieldsAStateTypeDoesNotHaveAreNotSupported() {
            assertThat(rendered(machine(pass("A", ", \"End\": true, \"Retry\": []"))))
                    .containsExactly("SCHEMA_VALIDATION_FAILED: Field 'Retry' is not supported at /States/A");
        }

        @Test
        void taskNeedsAStringResource() {
            assertThat(rendered(machine("\"A\": {\"Type\": \"Task\", \"End\": true}")))
                    .containsExactly("SCHEMA_VALIDATION_FAILED: These fields are required: [Resource] at /States/A");
        }

        @Test
        void timeoutAndItsPathVariantExcludeEachOther() {
            assertThat(rendered(machine("\"A\": {\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke\", \"End\": true,"
                    + " \"TimeoutSeconds\": 5, \"TimeoutSecondsPath\": \"$.t\"}")))
                    .containsExactly("SCHEMA_VALIDATION_FAILED: There should only be one of the following fields: [TimeoutSeconds, TimeoutSecondsPath] at /States/A");
        }

        @Test
        void waitNeedsExactlyOneOfItsTimingFields() {
            assertThat(rendered(machine("\"A\": {\"Type\": \"Wait\", \"End\": true, \"Seconds\": 1, \"SecondsPath\": \"$.s\"}")))
                    .containsExactly("SCHEMA_VALIDATION_FAILED: There should only be one of the following fields: [SecondsPath, Seconds, TimestampPath, Timestamp] at /States/A");
            assertThat(check(machine("\"A\": {\"Type\": \"Wait\", \"End\": true}"))).hasSize(1);
        }

        @Test
        void failErrorAndErrorPathExcludeEachOther() {
            assertThat(rendered(machine("\"A\": {\"Type\": \"Fail\", \"Error\": \"E\", \"ErrorPath\": \"$.e\"}")))
                    .containsExactly("SCHEMA_VALIDATION_FAILED: There should only be one of the following fields: [Error, ErrorPath] at /States/A");
        }

        @Test
        void expressMachinesRejectSyncAndCallbackResources() {
            String sync = machine("\"A\": {\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::states:startExecution.sync\", \"End\": true}");
            assertThat(check(sync, StateMachineType.STANDARD)).isEmpty();
            assertThat(DefinitionValidator.createErrorMessage(check(sync, StateMachineType.EXPRESS))).isEqualTo(
                    "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: Express state machine does not support '.sync' service integration at /States/A/Resource'");
        }

        @Test
        void credentialsNeedARoleArn() {
            assertThat(rendered(machine("\"A\": {\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke\", \"End\": true,"
                    + " \"Credentials\": {}}")))
                    .containsExactly("SCHEMA_VALIDATION_FAILED: The field 'RoleArn' is required but was missing at /States/A/Credentials");
        }

        @Test
        void pathFieldsMustBePaths() {
            assertThat(check(machine(pass("A", ", \"End\": true, \"InputPath\": \"x\"")))).extracting(Diagnostic::location)
                    .containsExactly("/States/A/InputPath");
            assertThat(check(machine(pass("A", ", \"End\": true, \"InputPath\": null, \"ResultPath\": null")))).isEmpty();
        }
    }

    @Nested
    class Choice {
        static String choice(String rule) {
            return machine("\"A\": {\"Type\": \"Choice\", \"Choices\": [" + rule + "], \"Default\": \"B\"}, " + pass("B", ", \"End\": true"));
        }

        @Test
        void choicesMustNotBeEmpty() {
            assertThat(check(choice(""))).extracting(Diagnostic::location).containsExactly("/States/A/Choices");
        }

        @Test
        void aRuleNeedsExactlyOneComparison() {
            assertThat(check(choice("{\"Variable\": \"$.x\", \"StringEquals\": \"a\", \"IsNull\": true, \"Next\": \"B\"}")))
                    .extracting(Diagnostic::message).containsExactly("There should only be one of the following fields: [StringEquals, IsNull]");
            assertThat(check(choice("{\"Variable\": \"$.x\", \"Next\": \"B\"}"))).hasSize(1);
        }

        @Test
        void operandTypesAreChecked() {
            assertThat(check(choice("{\"Variable\": \"$.x\", \"NumericEquals\": \"1\", \"Next\": \"B\"}"))).hasSize(1);
            assertThat(check(choice("{\"Variable\": \"$.x\", \"IsString\": \"yes\", \"Next\": \"B\"}"))).hasSize(1);
            assertThat(check(choice("{\"Variable\": \"$.x\", \"StringEqualsPath\": \"nope\", \"Next\": \"B\"}"))).hasSize(1);
        }

        @Test
        void nestedRulesCarryNoNextAndAndMustNotBeEmpty() {
            assertThat(rendered(choice("{\"Not\": {\"Variable\": \"$.x\", \"IsNull\": true, \"Next\": \"B\"}, \"Next\": \"B\"}")))
                    .containsExactly("SCHEMA_VALIDATION_FAILED: Field 'Next' is not supported at /States/A/Choices[0]/Not");
            assertThat(check(choice("{\"And\": [], \"Next\": \"B\"}"))).extracting(Diagnostic::location)
                    .containsExactly("/States/A/Choices[0]/And");
        }
    }

    @Nested
    class RetryAndCatch {
        static String task(String extra) {
            return machine("\"A\": {\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke\", \"End\": true" + extra + "}, "
                    + pass("H", ", \"End\": true"));
        }

        @Test
        void retrierRangesAreChecked() {
            assertThat(check(task(", \"Retry\": [{\"ErrorEquals\": [\"X\"], \"MaxAttempts\": -1, \"BackoffRate\": 0.5,"
                    + " \"IntervalSeconds\": 0, \"JitterStrategy\": \"HALF\"}]")).stream().filter(d -> d.location().contains("Retry")))
                    .extracting(Diagnostic::message)
                    .containsExactly("Minimum value is 0", "Minimum value is 1.0", "Minimum value is 1", "Value must be one of [FULL, NONE]");
        }

        @Test
        void statesAllMustBeAloneAndLast() {
            assertThat(check(task(", \"Retry\": [{\"ErrorEquals\": [\"States.ALL\", \"X\"]}]"))).hasSize(2); // + H unreachable
            assertThat(check(task(", \"Catch\": [{\"ErrorEquals\": [\"States.ALL\"], \"Next\": \"H\"}, {\"ErrorEquals\": [\"X\"], \"Next\": \"H\"}]")))
                    .extracting(Diagnostic::location).containsExactly("/States/A/Catch[0]/ErrorEquals");
        }

        @Test
        void emptyErrorEqualsIsRejected() {
            assertThat(check(task(", \"Catch\": [{\"ErrorEquals\": [], \"Next\": \"H\"}]")))
                    .extracting(Diagnostic::location).containsExactly("/States/A/Catch[0]/ErrorEquals");
        }
    }

    @Nested
    class MapAndParallel {
        @Test
        void parallelNeedsBranches() {
            assertThat(check(machine("\"A\": {\"Type\": \"Parallel\", \"End\": true, \"Branches\": []}")))
                    .extracting(Diagnostic::location).containsExactly("/States/A/Branches");
        }

        @Test
        void branchesAreCheckedAsSubMachines() {
            assertThat(rendered(machine("\"A\": {\"Type\": \"Parallel\", \"End\": true, \"Branches\": [{\"StartAt\": \"B\"}]}")))
                    .containsExactly("SCHEMA_VALIDATION_FAILED: These fields are required: [States] at /States/A/Branches[0]");
        }

        @Test
        void mapRejectsBothItemSelectorAndParameters() {
            assertThat(check(machine("\"A\": {\"Type\": \"Map\", \"End\": true, \"ItemSelector\": {}, \"Parameters\": {},"
                    + " \"ItemProcessor\": {\"StartAt\": \"B\", \"States\": {" + pass("B", ", \"End\": true") + "}}}")))
                    .extracting(Diagnostic::message).containsExactly("There should only be one of the following fields: [ItemSelector, Parameters]");
        }

        @Test
        void distributedProcessorNeedsExecutionTypeAndLabelsAreLimited() {
            String def = machine("\"A\": {\"Type\": \"Map\", \"End\": true, \"Label\": \"" + "l".repeat(41) + "\","
                    + " \"ItemProcessor\": {\"ProcessorConfig\": {\"Mode\": \"DISTRIBUTED\"}, \"StartAt\": \"B\", \"States\": {"
                    + pass("B", ", \"End\": true") + "}}}");
            assertThat(check(def)).extracting(Diagnostic::location)
                    .containsExactly("/States/A/ItemProcessor/ProcessorConfig", "/States/A/Label");
        }

        @Test
        void toleratedFailurePercentageIsAtMost100() {
            String def = machine("\"A\": {\"Type\": \"Map\", \"End\": true, \"ToleratedFailurePercentage\": 101,"
                    + " \"ItemProcessor\": {\"StartAt\": \"B\", \"States\": {" + pass("B", ", \"End\": true") + "}}}");
            assertThat(check(def)).extracting(Diagnostic::message).containsExactly("Maximum value is 100.0");
        }
    }

    @Nested
    class QueryLanguage {
        @Test
        void jsonPathStatesAreForbiddenInAJsonataMachine() {
            assertThat(rendered("{\"QueryLanguage\": \"JSONata\", \"StartAt\": \"A\", \"States\": {"
                    + pass("A", ", \"End\": true, \"QueryLanguage\": \"JSONPath\"") + "}}")).containsExactly(
                    "SCHEMA_VALIDATION_FAILED: 'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine at /States/A");
        }

        @Test
        void jsonPathOnlyFieldsAreRejectedInJsonataStates() {
            assertThat(check("{\"QueryLanguage\": \"JSONata\", \"StartAt\": \"A\", \"States\": {"
                    + pass("A", ", \"End\": true, \"InputPath\": \"$\"") + "}}")).extracting(Diagnostic::message).containsExactly(
                    "The QueryLanguage is set to 'JSONata', but field 'InputPath' is only supported for the 'JSONPath' QueryLanguage");
        }

        @Test
        void jsonataOnlyFieldsAreRejectedInJsonPathStates() {
            assertThat(check(machine(pass("A", ", \"End\": true, \"Output\": 1")))).extracting(Diagnostic::message).containsExactly(
                    "The QueryLanguage is set to 'JSONPath', but field 'Output' is only supported for the 'JSONata' QueryLanguage");
        }

        @Test
        void jsonataExpressionsMustBeProperlyFramed() {
            String ok = "{\"QueryLanguage\": \"JSONata\", \"StartAt\": \"A\", \"States\": {"
                    + pass("A", ", \"End\": true, \"Output\": {\"a\": \"{% 1 + 2 %}\", \"b\": \"literal\"}") + "}}";
            assertThat(check(ok)).isEmpty();
            String bad = "{\"QueryLanguage\": \"JSONata\", \"StartAt\": \"A\", \"States\": {"
                    + pass("A", ", \"End\": true, \"Output\": {\"a\": \" {% 1 %}\", \"b\": \"{% 1\", \"c\": \"{%  %}\"}") + "}}";
            assertThat(check(bad)).extracting(Diagnostic::location)
                    .containsExactly("/States/A/Output/a", "/States/A/Output/b", "/States/A/Output/c");
        }

        @Test
        void processorsCannotDeclareAQueryLanguage() {
            String def = machine("\"A\": {\"Type\": \"Map\", \"End\": true, \"ItemProcessor\": {\"QueryLanguage\": \"JSONPath\","
                    + " \"StartAt\": \"B\", \"States\": {" + pass("B", ", \"End\": true") + "}}}");
            assertThat(check(def)).extracting(Diagnostic::message).contains("Field 'QueryLanguage' is not supported");
        }
    }
}
