package dev.stride.worker;

/** The work of one activity task: JSON text in, JSON text out. */
@FunctionalInterface
public interface ActivityHandler {
    /**
     * @param input the task input as JSON text
     * @return the task output as JSON text (SendTaskSuccess)
     * @throws TaskFailure to fail the task with an error name and cause (SendTaskFailure)
     */
    String handle(String input) throws TaskFailure;
}
