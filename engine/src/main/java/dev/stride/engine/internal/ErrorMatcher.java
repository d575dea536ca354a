package dev.stride.engine.internal;

import dev.stride.expr.ErrorNames;
import java.util.List;

/** AWS's rules for matching an error name against a Retrier's or Catcher's ErrorEquals. */
final class ErrorMatcher {
    private ErrorMatcher() {}

    static boolean matches(List<String> errorEquals, String error) {
        String name = error == null ? "" : error;
        for (String candidate : errorEquals) {
            if (candidate.equals(name)) return true;
            if (candidate.equals(ErrorNames.ALL) && !isTerminal(name)) return true;
            if (candidate.equals(ErrorNames.TASK_FAILED) && !name.equals(ErrorNames.TIMEOUT) && !isTerminal(name)) return true;
        }
        return false;
    }

    /** Errors that no Retrier or Catcher can handle. */
    static boolean isTerminal(String error) {
        return ErrorNames.RUNTIME.equals(error) || ErrorNames.DATA_LIMIT_EXCEEDED.equals(error);
    }
}
