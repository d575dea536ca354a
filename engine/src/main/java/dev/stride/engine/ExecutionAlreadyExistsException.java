package dev.stride.engine;

/** An execution with this ARN (state machine and name) exists already; names are unique as in AWS. */
public final class ExecutionAlreadyExistsException extends IllegalStateException {
    public ExecutionAlreadyExistsException(String executionArn) {
        super("Execution Already Exists: '" + executionArn + "'");
    }
}
