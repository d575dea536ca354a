package dev.stride.integrations.internal;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;

/**
 * Blocking task work on virtual threads, cancellable by task token: {@link #cancel} interrupts the
 * work (a process is killed, an HTTP exchange aborted). Work must report its own outcome.
 */
public final class TaskRuns implements AutoCloseable {
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, FutureTask<?>> running = new ConcurrentHashMap<>();

    /** @param token the task token to cancel it by, or null for work that cannot be cancelled */
    public void run(String token, Callable<?> work) {
        FutureTask<Object> task = new FutureTask<>(() -> {
            try {
                return work.call();
            } finally {
                if (token != null) running.remove(token);
            }
        }) {
            @Override
            protected void setException(Throwable t) {
                super.setException(t);
                System.getLogger("dev.stride.integrations").log(System.Logger.Level.WARNING, "task work failed unexpectedly", t);
            }
        };
        if (token != null) running.put(token, task);
        executor.execute(task);
    }

    public void cancel(String token) {
        FutureTask<?> t = running.remove(token);
        if (t != null) t.cancel(true);
    }

    @Override
    public void close() {
        running.values().forEach(t -> t.cancel(true));
        executor.shutdownNow();
    }
}
