package dev.stride.asl.model;

import java.util.HashMap;
import java.util.Map;

/** The Choice comparison operators (without the Path suffix, which is a flag of the comparison). */
public enum ComparisonOperator {
    STRING_EQUALS("StringEquals", Kind.STRING), STRING_LESS_THAN("StringLessThan", Kind.STRING),
    STRING_GREATER_THAN("StringGreaterThan", Kind.STRING), STRING_LESS_THAN_EQUALS("StringLessThanEquals", Kind.STRING),
    STRING_GREATER_THAN_EQUALS("StringGreaterThanEquals", Kind.STRING), STRING_MATCHES("StringMatches", Kind.STRING),
    NUMERIC_EQUALS("NumericEquals", Kind.NUMBER), NUMERIC_LESS_THAN("NumericLessThan", Kind.NUMBER),
    NUMERIC_GREATER_THAN("NumericGreaterThan", Kind.NUMBER), NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Kind.NUMBER),
    NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Kind.NUMBER),
    BOOLEAN_EQUALS("BooleanEquals", Kind.BOOLEAN),
    TIMESTAMP_EQUALS("TimestampEquals", Kind.TIMESTAMP), TIMESTAMP_LESS_THAN("TimestampLessThan", Kind.TIMESTAMP),
    TIMESTAMP_GREATER_THAN("TimestampGreaterThan", Kind.TIMESTAMP),
    TIMESTAMP_LESS_THAN_EQUALS("TimestampLessThanEquals", Kind.TIMESTAMP),
    TIMESTAMP_GREATER_THAN_EQUALS("TimestampGreaterThanEquals", Kind.TIMESTAMP),
    IS_NULL("IsNull", Kind.TYPE_TEST), IS_PRESENT("IsPresent", Kind.TYPE_TEST), IS_NUMERIC("IsNumeric", Kind.TYPE_TEST),
    IS_STRING("IsString", Kind.TYPE_TEST), IS_BOOLEAN("IsBoolean", Kind.TYPE_TEST), IS_TIMESTAMP("IsTimestamp", Kind.TYPE_TEST);

    /** What the operator compares. */
    public enum Kind { STRING, NUMBER, BOOLEAN, TIMESTAMP, TYPE_TEST }

    private static final Map<String, ComparisonOperator> BY_NAME = new HashMap<>();

    static {
        for (ComparisonOperator op : values()) BY_NAME.put(op.aslName, op);
    }

    public final String aslName;
    public final Kind kind;

    ComparisonOperator(String aslName, Kind kind) {
        this.aslName = aslName;
        this.kind = kind;
    }

    /** The operator for an ASL field name without its Path suffix, or null. */
    public static ComparisonOperator byName(String name) { return BY_NAME.get(name); }
}
