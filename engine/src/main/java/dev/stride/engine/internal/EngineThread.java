package dev.stride.engine.internal;

/**
 * A thread of the engine's own (worker, timer, committer, parking). Executions started from one
 * of these are handed to the workers, never run on the spot: a committer or timer thread must
 * not be held by an execution's states.
 */
final class EngineThread extends Thread {
    EngineThread(Runnable task, String name) {
        super(task, name);
        setDaemon(true);
    }

    static boolean current() { return Thread.currentThread() instanceof EngineThread; }
}
