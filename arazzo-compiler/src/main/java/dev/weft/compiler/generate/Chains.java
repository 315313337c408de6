package dev.weft.compiler.generate;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import java.util.List;

/**
 * Fluent call chains ({@code request.query(...).header(...)}) returned from a method, laid out as a
 * person lays out a builder: one call a line, the head's own arguments wrapped deeper than the calls. One
 * expression when short, else a local variable the chain is continued on every {@value #MAX} calls, as javac
 * reads a chain recursively and overflows its stack near a thousand calls.
 */
final class Chains {
    static final int MAX = 32;

    private Chains() {}

    /** Statements returning {@code head} followed by {@code calls} (each {@code .name(args)}). */
    static CodeBlock returning(TypeName type, String local, CodeBlock head, List<CodeBlock> calls) {
        CodeBlock.Builder code = CodeBlock.builder();
        if (calls.size() <= MAX) {
            return code.addStatement("return $L", chain(head, calls)).build();
        }
        return code.add(declaring(type, local, head, calls))
                .addStatement("return $N", local)
                .build();
    }

    /** Statements declaring {@code local} as {@code head} followed by {@code calls}, as {@link #returning} does. */
    static CodeBlock declaring(TypeName type, String local, CodeBlock head, List<CodeBlock> calls) {
        CodeBlock.Builder code = CodeBlock.builder();
        code.addStatement("$T $N = $L", type, local, chain(head, calls.subList(0, Math.min(calls.size(), MAX))));
        for (int i = MAX; i < calls.size(); i += MAX) {
            List<CodeBlock> part = calls.subList(i, Math.min(calls.size(), i + MAX));
            code.addStatement("$N = $L", local, chain(CodeBlock.of("$N", local), part));
        }
        return code.build();
    }

    /** A short chain as one expression (a field initializer), laid out as {@link #returning} lays it out. */
    static CodeBlock expression(CodeBlock head, List<CodeBlock> calls) {
        if (calls.size() > MAX) {
            throw new IllegalArgumentException("a chain of " + calls.size() + " calls needs a local");
        }
        return chain(head, calls);
    }

    /**
     * The chain; a line break before each call is a layout, not a wrap, so it is written as one. The head
     * is indented twice more while it is written, so that its arguments, if they wrap, wrap deeper than the
     * calls, which JavaPoet indents twice as a statement's continuation lines.
     */
    private static CodeBlock chain(CodeBlock head, List<CodeBlock> calls) {
        if (calls.isEmpty()) {
            return head;
        }
        CodeBlock.Builder chain = CodeBlock.builder().add("$>$>$L$<$<", head);
        calls.forEach(call -> chain.add("\n$L", call));
        return chain.build();
    }
}
