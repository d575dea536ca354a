package dev.stride.service.dynamodb.expression.internal;

/** One lexeme of an expression, with its place in the source for "near:" in syntax errors. */
record Token(Kind kind, String text, int start, int end) {
    enum Kind {
        IDENTIFIER, NAME_REF, VALUE_REF, INTEGER,
        LPAREN, RPAREN, LBRACKET, RBRACKET, COMMA, DOT, PLUS, MINUS,
        EQ, NE, LT, LE, GT, GE,
        UNKNOWN, EOF
    }

    boolean is(Kind k) { return kind == k; }

    /** Whether this is the keyword {@code word} (keywords are case-insensitive identifiers). */
    boolean isKeyword(String word) { return kind == Kind.IDENTIFIER && text.equalsIgnoreCase(word); }

    boolean isComparator() { return kind.ordinal() >= Kind.EQ.ordinal() && kind.ordinal() <= Kind.GE.ordinal(); }
}
