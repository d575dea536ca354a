package dev.stride.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.asl.read.DefinitionReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class LintTest {
    static List<String> lint(String definition) {
        return Lint.check(DefinitionReader.read(definition)).stream().map(w -> w.code() + " " + w.location()).toList();
    }

    @Test
    void a_clean_definition_has_no_warnings() {
        assertThat(lint("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Next\":\"B\"},\"B\":{\"Type\":\"Succeed\"}}}")).isEmpty();
    }

    @Test
    void unreachable_states_and_loops_with_no_way_out_are_found_in_every_scope() {
        assertThat(lint("""
            {"StartAt": "A", "States": {
              "A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Pass", "Next": "A"},
              "Orphan": {"Type": "Succeed"},
              "P": {"Type": "Parallel", "End": true, "Branches": [{"StartAt": "X", "States": {"X": {"Type": "Pass", "End": true}, "Y": {"Type": "Pass", "End": true}}}]}}}
            """)).contains("UNREACHABLE_STATE /States/Orphan", "UNREACHABLE_STATE /States/P", "LOOP_WITHOUT_EXIT /States/A",
                "UNREACHABLE_STATE /States/P/Branches/0/States/Y");
    }

    @Test
    void a_polling_loop_with_a_choice_out_is_not_a_loop_without_exit() {
        assertThat(lint("""
            {"StartAt": "Wait", "States": {
              "Wait": {"Type": "Wait", "Seconds": 5, "Next": "Done?"},
              "Done?": {"Type": "Choice", "Choices": [{"Variable": "$.done", "BooleanEquals": true, "Next": "End"}], "Default": "Wait"},
              "End": {"Type": "Succeed"}}}
            """)).isEmpty();
    }

    @Test
    void variables_read_before_any_state_assigns_them_are_reported_and_outer_assignments_reach_inner_scopes() {
        assertThat(lint("""
            {"QueryLanguage": "JSONata", "StartAt": "Set", "States": {
              "Set": {"Type": "Pass", "Assign": {"total": 1}, "Next": "Use"},
              "Use": {"Type": "Pass", "Output": "{% $total + $later + $sum([1]) + $states.input.x %}", "Next": "Late"},
              "Late": {"Type": "Pass", "Assign": {"later": 2}, "Next": "Each"},
              "Each": {"Type": "Map", "Items": "{% [1] %}", "End": true, "ItemProcessor": {"StartAt": "In", "States": {
                 "In": {"Type": "Pass", "Output": "{% $total + $later + $nowhere %}", "End": true}}}}}}
            """)).containsExactlyInAnyOrder("VARIABLE_READ_BEFORE_ASSIGNED /States/Use",
                "VARIABLE_READ_BEFORE_ASSIGNED /States/Each/ItemProcessor/States/In");
    }

    @Test
    void jsonpath_reads_of_variables_count_too_but_plain_strings_do_not() {
        assertThat(lint("""
            {"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"a.$": "$ghost", "b": "$notRead", "c.$": "$.field"}, "End": true}}}
            """)).containsExactly("VARIABLE_READ_BEFORE_ASSIGNED /States/A");
    }

    @Test
    void a_catch_all_without_retry_a_shadowed_retrier_and_an_unbounded_distributed_map_are_warned_about() {
        assertThat(lint("""
            {"StartAt": "T", "States": {
              "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Next": "R",
                    "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Out"}]},
              "R": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Next": "M",
                    "Retry": [{"ErrorEquals": ["A", "B"]}, {"ErrorEquals": ["B"]}]},
              "M": {"Type": "Map", "Next": "Out", "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
                    "StartAt": "W", "States": {"W": {"Type": "Pass", "End": true}}}},
              "Out": {"Type": "Succeed"}}}
            """)).containsExactlyInAnyOrder("CATCH_ALL_WITHOUT_RETRY /States/T", "RETRIER_NEVER_USED /States/R/Retry/1",
                "DISTRIBUTED_MAP_UNBOUNDED /States/M");
    }
}
