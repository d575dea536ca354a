package dev.stride.store.sqlite;

import dev.stride.engine.history.HistoryEvent;
import dev.stride.expr.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Compares executions' final state and histories between a reference run and a run under test,
 * ignoring timestamps only, and checks that event ids run 1..n with no gap or duplicate.
 */
final class HistoryComparer {
    /** An execution's end as compared: status, error, cause, output (JSON text), history without timestamps. */
    record Outcome(String status, String error, String cause, String output, List<String> events) {}

    private final List<String> differences = new ArrayList<>();
    private int executions;
    private long events;

    static String event(HistoryEvent e) {
        return e.id() + " prev=" + e.previousEventId() + " " + e.type() + " " + e.detailsKey() + " "
                + (e.details() == null ? "-" : Json.write(e.details()));
    }

    static Outcome outcome(String status, String error, String cause, String outputJson, List<HistoryEvent> history) {
        return new Outcome(status, error, cause, outputJson == null ? null : Json.write(Json.parse(outputJson)),
                history.stream().map(HistoryComparer::event).toList());
    }

    /** Compares every expected execution with the actual one (null when missing), and flags extra ones. */
    HistoryComparer compare(Map<String, Outcome> expected, Map<String, Outcome> actual, List<List<HistoryEvent>> actualHistories) {
        for (var e : expected.entrySet()) {
            executions++;
            Outcome a = actual.get(e.getKey());
            if (a == null) {
                differences.add(e.getKey() + ": missing");
                continue;
            }
            compareOne(e.getKey(), e.getValue(), a);
        }
        TreeSet<String> extra = new TreeSet<>(actual.keySet());
        extra.removeAll(expected.keySet());
        for (String x : extra) differences.add(x + ": not expected");
        for (List<HistoryEvent> h : actualHistories) checkIds(h);
        return this;
    }

    private void compareOne(String name, Outcome exp, Outcome act) {
        if (!Objects.equals(exp.status(), act.status())) differences.add(name + ": status " + act.status() + ", expected " + exp.status());
        if (!Objects.equals(exp.error(), act.error())) differences.add(name + ": error " + act.error() + ", expected " + exp.error());
        if (!Objects.equals(exp.cause(), act.cause())) differences.add(name + ": cause " + act.cause() + ", expected " + exp.cause());
        if (!Objects.equals(exp.output(), act.output())) differences.add(name + ": output " + act.output() + ", expected " + exp.output());
        int n = Math.max(exp.events().size(), act.events().size());
        events += act.events().size();
        for (int i = 0; i < n; i++) {
            String e = i < exp.events().size() ? exp.events().get(i) : "(none)";
            String a = i < act.events().size() ? act.events().get(i) : "(none)";
            if (!e.equals(a)) {
                differences.add(name + ": event #" + (i + 1) + " is [" + a + "], expected [" + e + "] ("
                        + act.events().size() + " events, expected " + exp.events().size() + ")");
                return; // the first difference of a history says enough
            }
        }
    }

    private void checkIds(List<HistoryEvent> h) {
        for (int i = 0; i < h.size(); i++) {
            HistoryEvent e = h.get(i);
            if (e.id() != i + 1) {
                differences.add("event ids not 1..n: position " + (i + 1) + " has id " + e.id() + " (" + e.type() + ")");
                return;
            }
            if (e.previousEventId() < 0 || e.previousEventId() >= e.id()) {
                differences.add("event " + e.id() + " (" + e.type() + ") has previousEventId " + e.previousEventId());
                return;
            }
        }
    }

    List<String> differences() { return differences; }

    String summary(int shown) {
        StringBuilder s = new StringBuilder("compared " + executions + " executions and " + events + " history events: "
                + differences.size() + " difference(s)");
        for (int i = 0; i < Math.min(shown, differences.size()); i++) s.append("\n  ").append(differences.get(i));
        return s.toString();
    }
}
