package dev.stride.asl.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.asl.read.DefinitionReader;
import org.junit.jupiter.api.Test;

class VariableScopesTest {
    @Test
    void aBranchCannotAssignAVariableTheOuterScopeAssigns() {
        var diags = DefinitionValidator.validate(DefinitionReader.read("""
            {"StartAt": "Set", "States": {
              "Set": {"Type": "Pass", "Assign": {"total": 0}, "Next": "Fan"},
              "Fan": {"Type": "Parallel", "End": true, "Branches": [
                {"StartAt": "Inner", "States": {"Inner": {"Type": "Pass", "Assign": {"total.$": "$.x", "mine": 1}, "End": true}}}]}}}
            """), StateMachineType.STANDARD);
        assertThat(diags).extracting(Diagnostic::location).containsExactly("/States/Fan/Branches[0]/States/Inner/Assign/total.$");
        assertThat(diags.get(0).message()).contains("'total'").contains("cannot assign");
    }

    @Test
    void aBranchMayReadOuterVariablesAndAssignItsOwn() {
        var diags = DefinitionValidator.validate(DefinitionReader.read("""
            {"StartAt": "Set", "States": {
              "Set": {"Type": "Pass", "Assign": {"total": 0}, "Next": "Each"},
              "Each": {"Type": "Map", "End": true, "ItemProcessor": {"StartAt": "Inner", "States": {
                "Inner": {"Type": "Pass", "Assign": {"seen.$": "$total"}, "End": true}}}}}}
            """), StateMachineType.STANDARD);
        assertThat(diags).isEmpty();
    }
}
