package dev.stride.expr.jsonata;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.expr.Json;
import dev.stride.expr.StatesError;
import dev.stride.expr.VariableLookup;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonataSafetyTest {
    private static final JsonNode STATES = Json.parse("{\"input\":{\"a\":1}}");

    private static JsonNode eval(String expr, EvaluationBudget budget) {
        return JsonataExpression.compile(expr).evaluate(STATES, VariableLookup.NONE, budget);
    }

    private static void assertStillWorks() {
        assertThat(Json.write(eval("$states.input.a + 1", EvaluationBudget.DEFAULT))).isEqualTo("2");
    }

    @Test
    void infiniteTailRecursionStopsWithinTheTimeBudget() {
        EvaluationBudget budget = new EvaluationBudget(Duration.ofMillis(500), 100_000);
        long start = System.nanoTime();
        assertThatThrownBy(() -> eval("($f := function($x){$f($x)}; $f(1))", budget))
                .isInstanceOfSatisfying(StatesError.class, e -> {
                    assertThat(e.error()).isEqualTo("States.QueryEvaluationError");
                    assertThat(e.cause()).startsWith("The JSONata expression '($f := function($x){$f($x)}; $f(1))' threw an error during evaluation. U1001: ");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertStillWorks();
    }

    @Test
    void theDefaultBudgetIsTenSeconds() {
        assertThat(EvaluationBudget.DEFAULT.timeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void deepRecursionStopsAtTheDepthBound() {
        String deep = "($f := function($n){$n = 0 ? 0 : 1 + $f($n - 1)}; $f(100000))";
        assertThatThrownBy(() -> eval(deep, EvaluationBudget.DEFAULT))
                .isInstanceOfSatisfying(StatesError.class, e -> assertThat(e.cause()).endsWith(
                        "U1001: Stack overflow error: Check for non-terminating recursive function.  Consider rewriting as tail-recursive."));
        assertStillWorks();
        // moderate recursion is fine
        assertThat(Json.write(eval("($f := function($n){$n = 0 ? 0 : 1 + $f($n - 1)}; $f(100))", EvaluationBudget.DEFAULT)))
                .isEqualTo("100");
    }

    @Test
    void aJavaStackOverflowIsCaughtWhenTheDepthBoundIsTooGenerous() throws Exception {
        EvaluationBudget generous = new EvaluationBudget(Duration.ofSeconds(10), Integer.MAX_VALUE);
        String deep = "($f := function($n){$n = 0 ? 0 : 1 + $f($n - 1)}; $f(10000000))";
        Throwable[] failure = new Throwable[1];
        Thread t = new Thread(null, () -> {
            try {
                eval(deep, generous);
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, "small-stack", 256 * 1024);
        t.start();
        t.join();
        assertThat(failure[0]).isInstanceOfSatisfying(StatesError.class, e -> assertThat(e.cause()).contains("U1001"));
        assertStillWorks();
    }

    @Test
    void theDefaultDepthFitsInADefaultThreadStack() throws Exception {
        // recursion that just reaches the default bound must fail by the bound, not by a Java overflow
        Throwable[] failure = new Throwable[1];
        Thread t = new Thread(() -> {
            try {
                eval("($f := function($n){$n = 0 ? 0 : 1 + $f($n - 1)}; $f(100000))", EvaluationBudget.DEFAULT);
            } catch (Throwable e) {
                failure[0] = e;
            }
        });
        t.start();
        t.join();
        assertThat(failure[0]).isInstanceOf(StatesError.class);
    }

    @Test
    void anOversizedRangeFailsAtOnce() {
        assertThatThrownBy(() -> eval("[1..10000001]", EvaluationBudget.DEFAULT))
                .isInstanceOfSatisfying(StatesError.class, e -> assertThat(e.cause()).isEqualTo(
                        "The JSONata expression '[1..10000001]' threw an error during evaluation. D2014: The size of the sequence "
                                + "allocated by the range operator (..) must not exceed 1e6.  Attempted to allocate 10000001."));
        assertStillWorks();
    }

    @Test
    void eachEvaluationGetsAFreshTimeBudget() throws Exception {
        JsonataExpression e = JsonataExpression.compile("$sum([1..1000])");
        EvaluationBudget budget = new EvaluationBudget(Duration.ofMillis(200), 1000);
        for (int i = 0; i < 3; i++) {
            assertThat(Json.write(e.evaluate(STATES, VariableLookup.NONE, budget))).isEqualTo("500500");
            Thread.sleep(120);
        }
    }

    @Test
    void oneCompiledExpressionIsSafeToEvaluateFromManyThreads() throws Exception {
        JsonataExpression e = JsonataExpression.compile("$states.input.a + $v");
        Thread[] threads = new Thread[4];
        boolean[] ok = new boolean[threads.length];
        for (int t = 0; t < threads.length; t++) {
            int id = t;
            threads[t] = new Thread(() -> {
                boolean good = true;
                for (int i = 0; i < 2000 && good; i++) {
                    JsonNode states = Json.parse("{\"input\":{\"a\":" + i + "}}");
                    JsonNode r = e.evaluate(states, name -> Json.NODES.numberNode(id), EvaluationBudget.DEFAULT);
                    good = r.intValue() == i + id;
                }
                ok[id] = good;
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(ok).containsOnly(true);
    }
}
