package dev.weft.runtime.internal;

/**
 * One token of a JSONPath query: its kind, its span in the query and whether blank space precedes it (RFC 9535
 * allows blanks in some places only, so the parser needs to know).
 *
 * @param kind the kind
 * @param start the 0-based offset of the first character
 * @param end the offset after the last character
 * @param spaceBefore whether blank characters precede the token
 * @param value the decoded text of a string literal, the name of a name, the text of a number; otherwise null
 */
record JsonPathToken(Kind kind, int start, int end, boolean spaceBefore, String value) {

    /** The kinds of token. */
    enum Kind {
        ROOT("'$'"),
        CURRENT("'@'"),
        DOT("'.'"),
        DOUBLE_DOT("'..'"),
        STAR("'*'"),
        LBRACKET("'['"),
        RBRACKET("']'"),
        COMMA("','"),
        COLON("':'"),
        QUESTION("'?'"),
        LPAREN("'('"),
        RPAREN("')'"),
        NOT("'!'"),
        AND("'&&'"),
        OR("'||'"),
        EQ("'=='"),
        NE("'!='"),
        LT("'<'"),
        LE("'<='"),
        GT("'>'"),
        GE("'>='"),
        STRING("string literal"),
        NUMBER("number"),
        NAME("name"),
        EOF("end of query");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        /** How messages name this kind, e.g. {@code ']'}. */
        String description() {
            return description;
        }

        boolean isComparison() {
            return this == EQ || this == NE || this == LT || this == LE || this == GT || this == GE;
        }
    }
}
