package dev.weft.compiler.resolve;

import dev.weft.compiler.expr.ExpressionParser;
import dev.weft.compiler.expr.ParseResult;
import dev.weft.compiler.expr.RuntimeExpression;
import dev.weft.compiler.read.AsyncApiDescription;
import java.util.List;

/**
 * What an AsyncAPI step (Arazzo 1.1) sends to or receives from: the channel, as the workflow sees it. The
 * AsyncAPI operation's {@code action} is the described application's side; the workflow is its other party, so a
 * {@code send} step fits an operation the application receives, a {@code receive} step one it sends, or the reply
 * of one it receives (request and reply).
 *
 * @param operationId the AsyncAPI operation, or null for a step by {@code channelPath}
 * @param channel the channel the step uses
 * @param messages the messages the step may see there
 * @param operationAction the AsyncAPI operation's action, or null
 */
public record MessageRef(
        String sourceName,
        String operationId,
        AsyncApiDescription.Channel channel,
        List<AsyncApiDescription.MessageDef> messages,
        String operationAction) {

    public MessageRef {
        messages = List.copyOf(messages);
    }

    /**
     * The correlation id location as an expression Weft compares at: {@code $message.header#/<name>} (read as
     * {@code $message.header.<name>}) or {@code $message.payload#/<pointer>}; null when none is declared or it
     * has another form.
     */
    public RuntimeExpression correlation() {
        String location = correlationLocation();
        if (location == null) {
            return null;
        }
        String header = "$message.header#/";
        if (location.startsWith(header)) {
            String name = location.substring(header.length());
            return name.isEmpty() || name.contains("/") ? null : new RuntimeExpression.MessageHeader(name);
        }
        ParseResult<RuntimeExpression> parsed = ExpressionParser.parse(location);
        return parsed.ok() && parsed.value() instanceof RuntimeExpression.MessagePayload ? parsed.value() : null;
    }

    /** The correlation id location the step's messages declare ({@code $message.header#/id}), or null. */
    public String correlationLocation() {
        return messages.stream()
                .map(AsyncApiDescription.MessageDef::correlationLocation)
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(null);
    }
}
