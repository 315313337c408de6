package dev.weft.compiler.generate;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import java.util.List;

/**
 * Fluent call chains ({@code request.query(...).header(...)}) returned from a method: one expression when
 * short, else a local variable the chain is continued on every {@value #MAX} calls, as javac reads a chain
 * recursively and overflows its stack near a thousand calls.
 */
final class Chains {
    static final int MAX = 32;

    private Chains() {}

    /**
     * Statements returning {@code head} followed by {@code calls} (each {@code .name(args)}), one call a line;
     * {@code indent} indents the calls one more level than a statement's continuation.
     */
    static CodeBlock returning(TypeName type, String local, CodeBlock head, List<CodeBlock> calls, boolean indent) {
        CodeBlock.Builder code = CodeBlock.builder();
        if (calls.size() <= MAX) {
            return code.addStatement("return $L", chain(head, calls, indent)).build();
        }
        code.addStatement("$T $N = $L", type, local, chain(head, calls.subList(0, MAX), indent));
        for (int i = MAX; i < calls.size(); i += MAX) {
            List<CodeBlock> part = calls.subList(i, Math.min(calls.size(), i + MAX));
            code.addStatement("$N = $L", local, chain(CodeBlock.of("$N", local), part, indent));
        }
        return code.addStatement("return $N", local).build();
    }

    private static CodeBlock chain(CodeBlock head, List<CodeBlock> calls, boolean indent) {
        CodeBlock.Builder chain = CodeBlock.builder().add("$L", head);
        if (indent) {
            chain.indent();
        }
        calls.forEach(call -> chain.add("\n$L", call));
        if (indent) {
            chain.unindent();
        }
        return chain.build();
    }
}
