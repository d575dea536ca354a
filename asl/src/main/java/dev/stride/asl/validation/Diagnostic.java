package dev.stride.asl.validation;

/**
 * One problem found in a definition.
 *
 * @param severity ERROR (the definition is rejected) or WARNING
 * @param code     AWS's diagnostic code, e.g. {@code SCHEMA_VALIDATION_FAILED}
 * @param location AWS-style pointer such as {@code /States/Foo/Next} or {@code /States/C/Choices[0]/Next};
 *                 null when AWS reports none (e.g. {@code MISSING_END_STATE})
 * @param message  AWS's message text, without the location
 */
public record Diagnostic(Severity severity, String code, String location, String message) {
    public static Diagnostic error(String code, String location, String message) {
        return new Diagnostic(Severity.ERROR, code, location, message);
    }

    /** {@code CODE: message at location}, the form AWS uses inside InvalidDefinition messages. */
    public String render() {
        return code + ": " + message + " at " + location;
    }
}
