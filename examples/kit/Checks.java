package dev.stride.examples;

/**
 * What an example promises, checked after the run and printed one line each ({@code ok: ...} or
 * {@code NOT OK: ...}); the command exits 0 only when every check holds.
 */
public final class Checks {
    private final Session session;
    private int failed;
    private int passed;

    Checks(Session session) { this.session = session; }

    /** Records one promise. */
    public boolean expect(String promise, boolean holds) {
        return record(promise, holds, "");
    }

    /** Records one promise that a value is what it should be; a failure shows both. */
    public boolean expectEqual(String promise, Object expected, Object actual) {
        boolean holds = expected == null ? actual == null : expected.equals(actual);
        return record(promise, holds, " (expected " + expected + ", got " + actual + ")");
    }

    private boolean record(String promise, boolean holds, String detail) {
        if (holds) passed++;
        else failed++;
        session.say(holds ? "ok: " + promise : "NOT OK: " + promise + detail);
        return holds;
    }

    public boolean allHeld() { return failed == 0 && passed > 0; }

    public int failed() { return failed; }

    public int passed() { return passed; }
}
