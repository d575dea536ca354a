package dev.stride.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryRequest;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * One run of an example, through the AWS APIs only: prepare the resources, create the state
 * machine from the definition with its placeholders filled, start the execution, print the states
 * as they are entered and left (polling the history), let the example's companion run beside it,
 * then print the result, the checks of the effects, and the final line.
 *
 * <p>The run "did what the example promises" when every check holds; the execution's own status
 * is one of the checks (a rejection path promises FAILED: Rejected).
 */
public final class ExampleRun {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9_]*)}");
    private static final Duration POLL = Duration.ofMillis(40);

    private final Example example;
    private final Session session;
    private final Duration timeout;

    public ExampleRun(Example example, Session session, Duration timeout) {
        this.example = example;
        this.session = session;
        this.timeout = timeout;
    }

    /** Runs the example; true when it did what it promises. */
    public boolean run() throws Exception {
        long started = System.nanoTime();
        session.say("Example " + example.name() + ": " + example.summary());
        Plan plan = example.prepare(session);
        String definition = substitute(read(example.definition()), plan.substitutions());
        SfnClient sfn = session.sfn();
        String machineArn = sfn.createStateMachine(b -> b.name(session.name("example-" + example.name()))
                .definition(definition).roleArn("arn:aws:iam::123456789012:role/stride-example")).stateMachineArn();
        session.say("State machine " + machineArn);
        String input = JSON.writeValueAsString(plan.input());
        String executionArn = sfn.startExecution(b -> b.stateMachineArn(machineArn).input(input)).executionArn();
        session.say("Execution " + executionArn + " with input " + input);
        Outcome outcome = follow(executionArn);
        session.say(outcome.succeeded() ? "Result " + JSON.writeValueAsString(outcome.output())
                : "Error " + outcome.error() + (outcome.cause() == null ? "" : ", cause: " + outcome.cause()));
        Checks checks = new Checks(session);
        example.check(session, outcome, checks);
        session.say(String.format("%d checks held, %d failed; %.1f s", checks.passed(), checks.failed(),
                (System.nanoTime() - started) / 1e9));
        session.say(outcome.finalLine());
        return checks.allHeld();
    }

    /** Prints the trace until the execution ends, with the example's companion running beside it. */
    private Outcome follow(String executionArn) throws Exception {
        Tracker tracker = new Tracker(executionArn);
        ExecutorService beside = Executors.newVirtualThreadPerTaskExecutor();
        Future<?> companion = null;
        long deadline = System.nanoTime() + timeout.toNanos();
        DescribeExecutionResponse d;
        List<HistoryEvent> events;
        while (true) {
            d = session.sfn().describeExecution(b -> b.executionArn(executionArn));
            events = history(executionArn);
            tracker.print(events);
            if (companion == null) { // after the first lines of the trace, so that the two read in order
                companion = beside.submit(() -> {
                    example.alongside(session, tracker);
                    return null;
                });
            }
            if (d.status() != ExecutionStatus.RUNNING) break;
            if (System.nanoTime() > deadline) {
                session.sfn().stopExecution(b -> b.executionArn(executionArn).error("Example.Timeout")
                        .cause("The example did not finish in " + timeout.toSeconds() + " s"));
                continue;
            }
            Thread.sleep(POLL);
        }
        tracker.ended = true;
        try {
            companion.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            session.say("!! " + e.getCause());
        } catch (TimeoutException e) {
            companion.cancel(true);
            session.say("!! what ran beside the execution did not stop");
        } finally {
            beside.shutdownNow();
        }
        JsonNode output = d.output() == null ? null : JSON.readTree(d.output());
        return new Outcome(executionArn, d.statusAsString(), output, d.error(), d.cause(), tracker.states, events);
    }

    private List<HistoryEvent> history(String executionArn) {
        List<HistoryEvent> all = new ArrayList<>();
        String next = null;
        do {
            String page = next;
            GetExecutionHistoryResponse r = session.sfn().getExecutionHistory(GetExecutionHistoryRequest.builder()
                    .executionArn(executionArn).maxResults(1000).nextToken(page).build());
            all.addAll(r.events());
            next = r.nextToken();
        } while (next != null);
        return all;
    }

    /** The trace as {@code stride run} prints it: {@code -> State (Type)}, {@code <- State 3 ms}, {@code !! failures}. */
    private final class Tracker implements Running {
        private final String executionArn;
        private final Map<String, Long> entered = new HashMap<>();
        private final List<String> states = new ArrayList<>();
        private int printed;
        private volatile boolean ended;

        Tracker(String executionArn) { this.executionArn = executionArn; }

        @Override public String executionArn() { return executionArn; }

        @Override public boolean ended() { return ended; }

        void print(List<HistoryEvent> events) {
            for (; printed < events.size(); printed++) {
                HistoryEvent e = events.get(printed);
                String type = e.typeAsString();
                if (e.stateEnteredEventDetails() != null) {
                    String name = e.stateEnteredEventDetails().name();
                    states.add(name);
                    entered.put(name, e.timestamp().toEpochMilli());
                    session.say("-> " + name + " (" + type.substring(0, type.length() - "StateEntered".length()) + ")");
                } else if (e.stateExitedEventDetails() != null) {
                    String name = e.stateExitedEventDetails().name();
                    Long start = entered.remove(name);
                    session.say("<- " + name + " " + (start == null ? 0 : e.timestamp().toEpochMilli() - start) + " ms");
                } else if (type.endsWith("Failed") || type.endsWith("TimedOut") || type.endsWith("Aborted")) {
                    session.say("!! " + type + failure(e));
                }
            }
        }

        private String failure(HistoryEvent e) {
            if (e.taskTimedOutEventDetails() != null) return " " + e.taskTimedOutEventDetails().error();
            if (e.taskFailedEventDetails() != null) return " " + e.taskFailedEventDetails().error();
            if (e.executionFailedEventDetails() != null) return " " + e.executionFailedEventDetails().error();
            return "";
        }
    }

    /** Fills {@code ${Name}} with the example's values; a placeholder without one is the example's bug. */
    static String substitute(String definition, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(definition);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) throw new IllegalStateException("the definition's ${" + m.group(1) + "} has no value");
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A classpath resource of the examples (their definitions and files), as text. */
    public static String read(String resource) {
        try (InputStream in = ExampleRun.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("no resource " + resource + " on the classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
