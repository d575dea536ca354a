package dev.stride.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.asl.validation.StateMachineType;
import dev.stride.engine.ExecutionStatus;
import dev.stride.engine.ExecutionView;
import dev.stride.engine.StartRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

/** Starting, following and stopping executions. */
final class ExecutionActions {
    private static final int MAX_PAYLOAD_BYTES = 262_144;
    /**
     * The engine times an Express execution out after five minutes (TIMED_OUT, as AWS does); this
     * wait is a little longer, so only an engine that failed to do so is stopped from here.
     */
    private static final Duration SYNC_LIMIT = Duration.ofMinutes(5).plusSeconds(10);

    private static final Duration REDRIVE_WINDOW = Duration.ofDays(14);
    private static final Duration OPEN_LIMIT = Duration.ofDays(365);
    /** AWS redrives only executions whose history has fewer than 24,999 events. */
    private static final int MAX_REDRIVE_HISTORY = 24_999;
    private final ApiContext ctx;

    ExecutionActions(ApiContext ctx) { this.ctx = ctx; }

    void register(Map<String, Operation> table) {
        table.put("StartExecution", this::start);
        table.put("StartSyncExecution", this::startSync);
        table.put("DescribeExecution", this::describe);
        table.put("StopExecution", this::stop);
        table.put("RedriveExecution", this::redrive);
        new ExecutionList(ctx).register(table);
    }

    private JsonNode start(Request r) {
        ExecutionEntry e = launch(r, false);
        return Wire.object().put("executionArn", e.arn()).put("startDate", Wire.seconds(e.startMillis()));
    }

    private JsonNode startSync(Request r) {
        ExecutionEntry e = launch(r, true);
        ExecutionView v;
        try {
            v = ctx.engine.await(e.arn(), SYNC_LIMIT);
        } catch (TimeoutException timedOut) {
            ctx.engine.stop(e.arn(), "States.Timeout", "The execution ran longer than the five minutes allowed to Express workflows");
            v = ctx.engine.describe(e.arn());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + e.arn(), interrupted);
        }
        JsonNode response = ExecutionJson.sync(e, v, !"METADATA_ONLY".equals(r.string("includedData")));
        // AWS keeps nothing of a synchronous Express execution that the API could show; neither do we.
        ctx.engine.forget(e.arn());
        ctx.executions.remove(e.arn());
        return response;
    }

    /** A started Standard execution is on disk before the caller hears it started. */
    private void awaitRecorded(String execArn) {
        try {
            ctx.engine.awaitRecorded(execArn, java.time.Duration.ofSeconds(30));
        } catch (java.util.concurrent.TimeoutException e) {
            throw ApiError.INTERNAL.with("The execution " + execArn + " was started but not recorded durably within 30 seconds; "
                    + "the store is failing or far behind (see the server log)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiError.INTERNAL.with("interrupted while recording " + execArn);
        }
    }

    /** Registers and starts an execution, or returns the running one StartExecution's idempotency allows. */
    private ExecutionEntry launch(Request r, boolean sync) {
        String requested = r.required("stateMachineArn");
        // Step Functions Local's convention: "stateMachineArn#TestCase" runs a mocked test case.
        int hash = requested.indexOf('#');
        String testCase = hash < 0 ? null : requested.substring(hash + 1);
        Arn arn = Arn.parse(hash < 0 ? requested : requested.substring(0, hash), "stateMachine");
        if (arn.parts().size() > 2) throw ApiError.invalidArn(arn.text());
        MachineEntry m = ctx.machine(arn);
        String name = r.string("name");
        name = name == null ? UUID.randomUUID().toString() : Names.execution(name);
        String inputText = r.string("input", "{}");
        JsonNode input = input(inputText);
        boolean express = m.type() == StateMachineType.EXPRESS;
        if (sync && !express) {
            throw ApiError.STATE_MACHINE_TYPE_NOT_SUPPORTED.with("This operation is not supported by this type of state machine");
        }
        Target t = target(m, arn);
        // The machine's region and account (the caller's: it sees no other machine).
        String execArn = Caller.owning(m.arn()).arnPrefix() + (express ? "express:" : "execution:") + m.name() + ":" + name;
        ExecutionEntry entry = new ExecutionEntry(execArn, name, m.arn(), t.versionArn, t.aliasArn, express, t.definition,
                t.roleArn, t.revisionId, t.writtenMillis, inputText, ctx.now());
        ExecutionEntry existing = ctx.executions.add(entry);
        if (existing != null) return idempotent(existing, input);
        if (testCase != null) {
            TaskSetup setup = ctx.config.taskSetup();
            if (setup == null || !setup.useTestCase(execArn, m.name(), testCase)) {
                ctx.executions.remove(execArn);
                throw ApiError.VALIDATION.with("Test case '" + testCase + "' of state machine '" + m.name()
                        + "' is not in the server's mock configuration (start it with --mock-config FILE)");
            }
        }
        String annotation = express ? null : ExecutionAnnotation.of(entry).write();
        boolean forget = express && !sync && ctx.executions instanceof StoredExecutions;
        if (forget) ctx.forgetWhenEnded.add(execArn); // before the start: its first run may end it
        try {
            long started = ctx.engine.startTimed(new StartRequest(ctx.compile(t.definition), m.arn(), name, input, express,
                    t.roleArn, annotation)).startMillis();
            entry = entry.startedAt(started); // the engine's start time, as every later view shows it
        } catch (dev.stride.engine.ExecutionAlreadyExistsException raced) {
            if (forget) ctx.forgetWhenEnded.remove(execArn);
            // Another start of the same name got there first (the store's index checks only before).
            ExecutionEntry winner = ctx.executions.find(execArn).orElse(null);
            if (winner == null || winner == entry) throw ApiError.EXECUTION_ALREADY_EXISTS.quoting("Execution Already Exists", execArn);
            return idempotent(winner, input);
        }
        if (!express) awaitRecorded(execArn);
        return entry;
    }

    /**
     * StartExecution of a name already taken: the running Standard execution when the input is
     * the same (AWS's idempotency), else ExecutionAlreadyExists.
     */
    private ExecutionEntry idempotent(ExecutionEntry existing, JsonNode input) {
        ExecutionView v = ctx.engine.describe(existing.arn());
        boolean same = !existing.express() && existing.input() != null && input.equals(dev.stride.expr.Json.parse(existing.input()))
                && ExecutionJson.status(v) == ExecutionStatus.RUNNING;
        if (!same) throw ApiError.EXECUTION_ALREADY_EXISTS.quoting("Execution Already Exists", existing.arn());
        return v == null ? existing : existing.startedAt(v.startMillis()); // the engine's start time, as the first answer gave
    }

    private static JsonNode input(String text) {
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES) {
            throw ApiError.INVALID_EXECUTION_INPUT.with("Invalid State Machine Execution Input: 'The input exceeds the maximum size of 262144 bytes'");
        }
        return Wire.parse(text, ApiError.INVALID_EXECUTION_INPUT, "Invalid State Machine Execution Input");
    }

    /** The definition a start runs: the machine's current one, a published version's, or one an alias picks. */
    private record Target(String definition, String roleArn, String versionArn, String aliasArn, String revisionId,
                          long writtenMillis) {}

    private static Target target(MachineEntry m, Arn arn) {
        if (arn.qualifier() == null) {
            long written = m.updateMillis() > 0 ? m.updateMillis() : m.creationMillis();
            return new Target(m.definition(), m.roleArn(), null, null, m.revisionId(), written);
        }
        MachineEntry.VersionEntry v = m.version(arn.qualifier());
        String aliasArn = null;
        if (v == null) {
            MachineEntry.AliasEntry alias = m.alias(arn.qualifier());
            if (alias == null) throw ApiError.stateMachineDoesNotExist(arn.text());
            aliasArn = alias.arn();
            v = m.version(Arn.parse(AliasActions.pick(alias)).qualifier());
            if (v == null) throw ApiError.stateMachineDoesNotExist(arn.text());
        }
        return new Target(v.definition(), v.roleArn(), v.arn(), aliasArn, v.revisionId(), v.creationMillis());
    }

    private JsonNode describe(Request r) {
        ExecutionEntry e = ctx.execution(r.required("executionArn"));
        ExecutionView v = ctx.engine.describe(e.arn());
        if (v == null) throw ApiError.executionDoesNotExist(e.arn());
        return ExecutionJson.detail(e, v, !"METADATA_ONLY".equals(r.string("includedData")), notRedrivable(ctx, e, v));
    }

    /**
     * RedriveExecution: AWS's checks here ({@link #notRedrivable}), then the engine reopens the
     * execution where it stopped and records ExecutionRedriven. The count and date are kept in the
     * registry entry for DescribeExecution and ListExecutions.
     */
    private JsonNode redrive(Request r) {
        ExecutionEntry e = ctx.execution(r.required("executionArn"));
        Request.bounded("clientToken", r.string("clientToken"), 64);
        ExecutionView v = ctx.engine.describe(e.arn());
        if (v == null) throw ApiError.executionDoesNotExist(e.arn());
        String why = notRedrivable(ctx, e, v);
        if (why != null) throw notRedrivable(e, why);
        int count;
        try {
            count = ctx.engine.redrive(e.arn());
        } catch (IllegalStateException refused) {
            throw notRedrivable(e, refused.getMessage());
        } catch (UnsupportedOperationException missing) {
            throw notRedrivable(e, "this build of the Stride engine cannot redrive executions");
        }
        ExecutionView reopened = ctx.engine.describe(e.arn());
        long at = reopened != null && reopened.redriveMillis() > 0 ? reopened.redriveMillis() : ctx.now(); // the engine's ExecutionRedriven time
        ctx.executions.redriven(e.arn(), count, at);
        return Wire.object().put("redriveDate", Wire.seconds(at));
    }

    private static ApiException notRedrivable(ExecutionEntry e, String why) {
        return ApiError.EXECUTION_NOT_REDRIVABLE.with("Execution '" + e.arn() + "' is not redrivable: " + why);
    }

    /** Why RedriveExecution would refuse the execution now (AWS's conditions), or null when it may be redriven. */
    static String notRedrivable(ApiContext ctx, ExecutionEntry e, ExecutionView v) {
        if (e.express()) return "Express executions cannot be redriven";
        if (v == null || !v.status().isFinal()) return "Execution is RUNNING and cannot be redriven";
        if (v.status() == ExecutionStatus.SUCCEEDED) return "Execution is SUCCEEDED and cannot be redriven";
        if (v.mapRunArn() != null) return "Execution is a child of Map Run " + v.mapRunArn() + "; redrive its parent execution";
        long now = ctx.now();
        if (now - v.stopMillis() > REDRIVE_WINDOW.toMillis()) return "Execution closed more than 14 days ago";
        if (now - v.startMillis() > OPEN_LIMIT.toMillis()) return "Execution has been open for more than a year";
        var history = ctx.engine.history(e.arn());
        if (history != null && history.size() >= MAX_REDRIVE_HISTORY) {
            return "Execution history has " + history.size() + " events; a redrive needs fewer than " + MAX_REDRIVE_HISTORY;
        }
        return null;
    }

    private JsonNode stop(Request r) {
        ExecutionEntry e = ctx.execution(r.required("executionArn"));
        String error = Request.bounded("error", r.string("error"), 256);
        String cause = Request.bounded("cause", r.string("cause"), 32_768);
        if (ctx.engine.stop(e.arn(), error, cause)) {
            try {
                ctx.engine.await(e.arn(), Duration.ofSeconds(5));
            } catch (TimeoutException ignored) {
                // the stop is queued behind a long-running step; it still lands
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
        }
        ExecutionView v = ctx.engine.describe(e.arn());
        if (v == null) throw ApiError.executionDoesNotExist(e.arn());
        long stopMillis = v.status().isFinal() ? v.stopMillis() : ctx.now();
        return Wire.object().put("stopDate", Wire.seconds(stopMillis));
    }
}
