package dev.stride.api;

import dev.stride.engine.Engine;
import dev.stride.engine.ExecutionView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Executions of a server without a store: entries in memory (the engine keeps the executions
 * themselves in memory too), per machine in start order. A list walks the machine's entries;
 * with a status filter it asks the engine about each.
 */
final class MemoryExecutions implements Executions {
    private final Engine engine;
    private final Map<String, ExecutionEntry> byArn = new HashMap<>();
    private final Map<String, List<ExecutionEntry>> byMachine = new HashMap<>();

    MemoryExecutions(Engine engine) { this.engine = engine; }

    @Override
    public synchronized ExecutionEntry add(ExecutionEntry execution) {
        ExecutionEntry old = byArn.putIfAbsent(execution.arn(), execution);
        if (old == null) byMachine.computeIfAbsent(execution.stateMachineArn(), k -> new ArrayList<>()).add(execution);
        return old;
    }

    @Override
    public synchronized Optional<ExecutionEntry> find(String executionArn) { return Optional.ofNullable(byArn.get(executionArn)); }

    @Override
    public synchronized void redriven(String executionArn, int count, long atMillis) {
        ExecutionEntry old = byArn.get(executionArn);
        if (old == null) return;
        ExecutionEntry updated = old.redriven(count, atMillis);
        byArn.put(executionArn, updated);
        List<ExecutionEntry> same = byMachine.get(old.stateMachineArn());
        int at = same == null ? -1 : same.indexOf(old);
        if (at >= 0) same.set(at, updated);
    }

    @Override
    public synchronized void remove(String executionArn) {
        ExecutionEntry gone = byArn.remove(executionArn);
        if (gone != null) byMachine.getOrDefault(gone.stateMachineArn(), new ArrayList<>()).remove(gone);
    }

    private synchronized List<ExecutionEntry> of(String stateMachineArn) {
        return List.copyOf(byMachine.getOrDefault(stateMachineArn, List.of()));
    }

    /** The token names the first row of the next page by its ARN, so starts meanwhile do not shift pages. */
    @Override
    public Page page(Filter f, String token, int size) {
        List<ExecutionEntry> entries = of(f.stateMachineArn());
        String from = token == null ? null : Pages.decode(token);
        List<Row> rows = new ArrayList<>();
        for (int i = entries.size() - 1; i >= 0; i--) {
            ExecutionEntry e = entries.get(i);
            if (from != null) {
                if (!e.arn().equals(from)) continue;
                from = null;
            }
            if (f.qualifierArn() != null && !f.qualifierArn().equals(e.versionArn()) && !f.qualifierArn().equals(e.aliasArn())) continue;
            if (f.redriven() != null && (e.redriveCount() > 0) != f.redriven()) continue;
            ExecutionView v = f.status() == null && rows.size() >= size ? null : engine.describe(e.arn());
            if (f.status() != null && !ExecutionJson.status(v).name().equals(f.status())) continue;
            if (rows.size() == size) return new Page(rows, Pages.encode(e.arn()));
            rows.add(new Row(e, v));
        }
        if (from != null) throw ApiError.INVALID_TOKEN.quoting("Invalid Token", "Invalid token");
        return new Page(rows, null);
    }
}
