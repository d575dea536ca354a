package dev.stride.expr.jsonata;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata.Frame;
import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.expr.ErrorNames;
import dev.stride.expr.StatesError;
import dev.stride.expr.VariableLookup;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A parsed JSONata expression; parse once when the definition loads, evaluate many times.
 * Thread-safe.
 *
 * <p>Evaluation follows jsonata-js 2.0.6 as AWS Step Functions runs it: {@code $states} is bound
 * to the given value, every other {@code $name} the expression mentions is looked up through the
 * {@link VariableLookup} (only those names, once per evaluation), AWS's functions are available
 * and {@code $eval} is not (calling it fails with T1006, like any unknown function).
 */
public final class JsonataExpression {
    private final String source;
    private final com.dashjoin.jsonata.Jsonata compiled;
    private final String[] variableNames;
    private final JsonataOptions options;

    private JsonataExpression(String source, com.dashjoin.jsonata.Jsonata compiled, String[] variableNames,
                              JsonataOptions options) {
        this.source = source;
        this.compiled = compiled;
        this.variableNames = variableNames;
        this.options = options;
    }

    /**
     * Parses {@code source} (the text inside {@code {% %}}).
     *
     * @throws IllegalArgumentException with the JSONata error ("S0201: Syntax error: ... (position 3)")
     */
    public static JsonataExpression compile(String source) {
        return compile(source, JsonataOptions.DEFAULT);
    }

    /** As {@link #compile(String)}, with the given sources of randomness and time. */
    public static JsonataExpression compile(String source, JsonataOptions options) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(options, "options");
        com.dashjoin.jsonata.Jsonata compiled;
        try {
            compiled = com.dashjoin.jsonata.Jsonata.jsonata(source);
        } catch (JException e) {
            throw new IllegalArgumentException(syntaxError(e), null);
        } catch (RuntimeException | StackOverflowError e) {
            throw new IllegalArgumentException("S0201: Syntax error: the expression cannot be parsed", null);
        }
        if (compiled.getErrors() != null && !compiled.getErrors().isEmpty()) {
            Exception first = compiled.getErrors().get(0);
            throw new IllegalArgumentException(first instanceof JException je ? syntaxError(je)
                    : "S0201: Syntax error: the expression cannot be parsed", null);
        }
        compiled.setValidateInput(false);      // inputs are built from JSON by Values
        compiled.setOutputConvertNulls(false); // keep JSON null (NULL_VALUE) and undefined apart
        AwsFunctions.register(compiled);
        return new JsonataExpression(source, compiled, VariableNames.referencedIn(source), options);
    }

    private static String syntaxError(JException e) {
        String description = Errors.describe(e);
        return e.getLocation() >= 0 ? description + " (position " + e.getLocation() + ")" : description;
    }

    public String source() {
        return source;
    }

    /**
     * Evaluates with {@code $states} bound to {@code statesBinding} and every variable resolvable
     * through {@code variables}. Returns Java null for {@code undefined}.
     *
     * @throws StatesError {@code States.QueryEvaluationError} on an evaluation error or a result
     *         that is not JSON (a function); the cause is AWS's wording without a field name, e.g.
     *         {@code The JSONata expression '1 + "a"' threw an error during evaluation. T2002: ...}.
     *         Use {@link #evaluate(JsonNode, VariableLookup, EvaluationBudget, String)} to name the field.
     */
    public JsonNode evaluate(JsonNode statesBinding, VariableLookup variables, EvaluationBudget budget) {
        return evaluate(statesBinding, variables, budget, null);
    }

    /**
     * As {@link #evaluate(JsonNode, VariableLookup, EvaluationBudget)}, with AWS's exact causes
     * naming {@code fieldPath} (e.g. "Output/result"). Undefined is still returned as Java null.
     */
    public JsonNode evaluate(JsonNode statesBinding, VariableLookup variables, EvaluationBudget budget,
                             String fieldPath) {
        Object raw = evaluateRaw(LazyJson.of(statesBinding), variables, budget, fieldPath);
        try {
            return Values.toJson(raw);
        } catch (Values.NotJson e) {
            throw unsupportedResult(fieldPath);
        }
    }

    /** Evaluates against an already converted {@code $states} value; returns the library's value. */
    Object evaluateRaw(Object states, VariableLookup variables, EvaluationBudget budget, String fieldPath) {
        Objects.requireNonNull(budget, "budget");
        VariableLookup lookup = variables == null ? VariableLookup.NONE : variables;
        Frame frame = new Frame(null);
        frame.bind("states", states);
        for (String name : variableNames) {
            JsonNode value = lookup.lookup(name);
            if (value != null) {
                frame.bind(name, LazyJson.of(value));
            }
        }
        frame.setRuntimeBounds(Math.max(1, budget.timeout().toMillis()), budget.maxDepth());
        AwsFunctions.Context previous = AwsFunctions.CONTEXT.get();
        AwsFunctions.CONTEXT.set(new AwsFunctions.Context(options.clock().millis(), options));
        try {
            return compiled.evaluate(null, frame);
        } catch (AwsFunctions.FunctionError e) {
            throw evaluationError(fieldPath, e.getMessage());
        } catch (JException e) {
            throw evaluationError(fieldPath, Errors.describe(e));
        } catch (StackOverflowError e) {
            throw evaluationError(fieldPath, Errors.STACK_OVERFLOW);
        } catch (StatesError e) {
            throw e;
        } catch (RuntimeException e) {
            throw evaluationError(fieldPath, Errors.INTERNAL);
        } finally {
            if (previous == null) {
                AwsFunctions.CONTEXT.remove();
            } else {
                AwsFunctions.CONTEXT.set(previous);
            }
        }
    }

    private String prefix(String fieldPath) {
        return fieldPath == null
                ? "The JSONata expression '" + source + "'"
                : "The JSONata expression '" + source + "' specified for the field '" + fieldPath + "'";
    }

    StatesError evaluationError(String fieldPath, String description) {
        return new StatesError(ErrorNames.QUERY_EVALUATION_ERROR,
                prefix(fieldPath) + " threw an error during evaluation. " + description, fieldPath);
    }

    StatesError unsupportedResult(String fieldPath) {
        return new StatesError(ErrorNames.QUERY_EVALUATION_ERROR,
                prefix(fieldPath) + " returned an unsupported result type.", fieldPath);
    }

    StatesError undefinedResult(String fieldPath) {
        return new StatesError(ErrorNames.QUERY_EVALUATION_ERROR,
                prefix(fieldPath) + " returned nothing (undefined).", fieldPath);
    }

    @Override
    public String toString() {
        return "{% " + source + " %}";
    }

    /**
     * Finds every {@code $name} in the source. It over-approximates (names inside string literals,
     * comments or regexes count too), which only costs a lookup that finds nothing; it never misses
     * a reference, since JSONata cannot build variable names dynamically without {@code $eval}.
     */
    static final class VariableNames {
        private VariableNames() {}

        static String[] referencedIn(String src) {
            Set<String> names = new LinkedHashSet<>();
            int n = src.length();
            for (int i = 0; i < n; i++) {
                if (src.charAt(i) == '$') {
                    int start = i + 1;
                    int end = start;
                    while (end < n && isNameChar(src.charAt(end))) {
                        end++;
                    }
                    if (end > start) {
                        String name = src.substring(start, end);
                        if (!name.equals("states")) {
                            names.add(name);
                        }
                    }
                    i = end - 1;
                }
            }
            return names.toArray(String[]::new);
        }

        private static boolean isNameChar(char c) {
            return Character.isLetterOrDigit(c) || c == '_';
        }
    }
}
