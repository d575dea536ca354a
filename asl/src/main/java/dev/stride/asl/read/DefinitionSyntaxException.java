package dev.stride.asl.read;

/** A definition text that is neither valid JSON nor valid YAML. Line and column are 1-based, 0 when unknown. */
public final class DefinitionSyntaxException extends IllegalArgumentException {
    private final int line;
    private final int column;

    public DefinitionSyntaxException(String message, int line, int column, Throwable cause) {
        super(message, cause);
        this.line = line;
        this.column = column;
    }

    public int line() { return line; }

    public int column() { return column; }
}
