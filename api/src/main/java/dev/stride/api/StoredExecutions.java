package dev.stride.api;

import dev.stride.engine.Engine;
import dev.stride.engine.ExecutionStatus;
import dev.stride.engine.ExecutionView;
import dev.stride.engine.spi.ExecutionQuery;
import dev.stride.engine.spi.ExecutionSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Executions read from the engine's store: the API holds nothing per execution. A Standard
 * start's entry travels as the engine's start annotation ({@link ExecutionAnnotation}) in the
 * execution's own first commit; a description is the engine's view (from memory while it runs,
 * else one store read); a list is an index range of the store, newest first, so a page costs the
 * same with a million executions stored as with ten. Express executions are not stored, as AWS
 * keeps none.
 */
final class StoredExecutions implements Executions {
    private final Engine engine;
    private final Registry registry;

    StoredExecutions(Engine engine, Registry registry) {
        this.engine = engine;
        this.registry = registry;
    }

    /**
     * Nothing to record, nothing to look up: the engine refuses a second start of the same ARN
     * itself (ExecutionAlreadyExistsException), and the caller then finds the one that holds it.
     * A lookup here was a second store read on every start.
     */
    @Override
    public ExecutionEntry add(ExecutionEntry execution) { return null; }

    @Override
    public Optional<ExecutionEntry> find(String executionArn) {
        ExecutionView v = engine.describe(executionArn);
        return v == null ? Optional.empty() : Optional.of(entry(v));
    }

    /** The engine recorded the redrive in the execution itself (its row's counters). */
    @Override
    public void redriven(String executionArn, int count, long atMillis) {}

    /** Nothing was recorded here; the engine forgets its own part. */
    @Override
    public void remove(String executionArn) {}

    @Override
    public Page page(Filter f, String token, int size) {
        String scope = f.stateMachineArn() + "|" + f.qualifierArn() + "|" + f.status() + "|" + f.redriven() + "|";
        long[] after = after(token, scope);
        ExecutionStatus status = f.status() == null ? null : ExecutionStatus.valueOf(f.status());
        // One row more than the page: whether a next page exists, without a second query.
        List<ExecutionSummary> found = engine.list(new ExecutionQuery(f.stateMachineArn(), status, f.redriven(), f.qualifierArn(),
                after[0], after[1], size + 1));
        List<Row> rows = new ArrayList<>(Math.min(size, found.size()));
        for (int i = 0; i < found.size() && i < size; i++) rows.add(row(found.get(i)));
        ExecutionSummary last = found.size() > size ? found.get(size - 1) : null;
        String next = last == null ? null : Pages.encode(scope + last.startMillis() + ":" + last.key());
        return new Page(rows, next);
    }

    /** The token's position (start millis, row key) after which the page begins: {0, 0} for the first page. */
    private static long[] after(String token, String scope) {
        if (token == null) return new long[] {0, 0};
        String key = Pages.decode(token);
        try {
            if (!key.startsWith(scope)) throw new NumberFormatException();
            String position = key.substring(scope.length());
            int colon = position.indexOf(':');
            long[] at = {Long.parseLong(position.substring(0, colon)), Long.parseLong(position.substring(colon + 1))};
            if (at[1] <= 0) throw new NumberFormatException();
            return at;
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            throw ApiError.INVALID_TOKEN.quoting("Invalid Token", "Invalid token");
        }
    }

    private static Row row(ExecutionSummary s) {
        ExecutionAnnotation a = ExecutionAnnotation.read(s.annotation());
        ExecutionEntry e = new ExecutionEntry(s.executionArn(), s.name(), s.stateMachineArn(), a.versionArn(), a.aliasArn(),
                s.express(), null, a.roleArn(), a.revisionId(), a.machineUpdateMillis(), null, s.startMillis(),
                s.redriveCount(), s.redriveMillis());
        ExecutionView v = new ExecutionView(s.executionArn(), s.name(), s.stateMachineArn(), s.status(), null, null, null, null,
                s.startMillis(), s.stopMillis(), s.express(), s.mapRunArn(), s.annotation(), null, s.redriveCount(), s.redriveMillis());
        return new Row(e, v);
    }

    /**
     * The definition exactly as the user wrote it (AWS gives it back byte for byte): the version's
     * text, or the machine's while it is still the revision the execution ran. Else the engine's
     * copy, the same JSON written compactly (the registry keeps no older revisions).
     */
    private static String definitionText(ExecutionView v, ExecutionAnnotation a, MachineEntry m) {
        if (m == null) return v.definition();
        if (a.versionArn() != null) {
            MachineEntry.VersionEntry version = m.version(a.versionArn().substring(a.versionArn().lastIndexOf(':') + 1));
            return version != null ? version.definition() : v.definition();
        }
        boolean sameRevision = v.annotation() == null || java.util.Objects.equals(a.revisionId(), m.revisionId());
        return sameRevision ? m.definition() : v.definition();
    }

    /**
     * The entry of a described execution. One an integration started (a nested execution) has no
     * annotation: it ran its machine's current definition, with the machine's role.
     */
    private ExecutionEntry entry(ExecutionView v) {
        ExecutionAnnotation a = ExecutionAnnotation.read(v.annotation());
        String role = a.roleArn();
        String revision = a.revisionId();
        long written = a.machineUpdateMillis();
        MachineEntry m = registry.machine(v.stateMachineArn()).orElse(null);
        if (v.annotation() == null && m != null) {
            role = m.roleArn();
            revision = m.revisionId();
            written = m.updateMillis() > 0 ? m.updateMillis() : m.creationMillis();
        }
        return new ExecutionEntry(v.executionArn(), v.name(), v.stateMachineArn(), a.versionArn(), a.aliasArn(), v.express(),
                definitionText(v, a, m), role, revision, written, v.input() == null ? null : Wire.write(v.input()), v.startMillis(),
                v.redriveCount(), v.redriveMillis());
    }
}
