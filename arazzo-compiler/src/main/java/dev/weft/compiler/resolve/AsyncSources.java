package dev.weft.compiler.resolve;

import dev.weft.compiler.diagnostic.Diagnostics;
import dev.weft.compiler.diagnostic.Message;
import dev.weft.compiler.diagnostic.Suggestions;
import dev.weft.compiler.model.ArazzoDocument;
import dev.weft.compiler.model.Located;
import dev.weft.compiler.model.SourceDescription;
import dev.weft.compiler.model.Step;
import dev.weft.compiler.read.AsyncApiDescription;
import dev.weft.compiler.read.AsyncApiReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Loads a document's AsyncAPI sources (Arazzo 1.1) and finds the channel behind each AsyncAPI step. */
final class AsyncSources {
    private static final String QUALIFIED = "$sourceDescriptions.";
    private static final Pattern CHANNEL_PATH =
            Pattern.compile("\\{\\$sourceDescriptions\\.([A-Za-z0-9_-]+)\\.url\\}#(/channels/.*)", Pattern.DOTALL);

    private final Diagnostics diagnostics;
    private final SourceFiles files;
    private final Map<Path, Optional<AsyncApiDescription>> cache = new HashMap<>();

    AsyncSources(Diagnostics diagnostics, SourceFiles files) {
        this.diagnostics = diagnostics;
        this.files = files;
    }

    /** The document's AsyncAPI sources that loaded, by name. */
    Map<String, AsyncApiDescription> load(ArazzoDocument document) {
        Map<String, AsyncApiDescription> loaded = new LinkedHashMap<>();
        for (SourceDescription source : document.sourceDescriptions()) {
            if (!source.isAsyncApi() || loaded.containsKey(source.name().value())) {
                continue;
            }
            String url = source.url().value();
            if (!SourceFiles.isValidReference(url)) {
                diagnostics.report(Message.INVALID_SOURCE_URL, source.url().location(), url);
                continue;
            }
            Optional<Path> file = files.locate(document.file(), url);
            if (file.isEmpty()) {
                diagnostics.report(
                        Message.REMOTE_SOURCE,
                        source.url().location(),
                        source.name().value(),
                        url);
                continue;
            }
            if (!Files.isRegularFile(file.get())) {
                diagnostics.report(
                        Message.MISSING_SOURCE_FILE,
                        source.url().location(),
                        source.name().value(),
                        file.get());
                continue;
            }
            cache.computeIfAbsent(
                            file.get(),
                            f -> new AsyncApiReader(diagnostics)
                                    .read(f, source.url().location()))
                    .ifPresent(api -> loaded.put(source.name().value(), api));
        }
        return loaded;
    }

    /** The channel an AsyncAPI step uses; empty (reported, unless a source failed to load) when none. */
    Optional<MessageRef> target(ArazzoDocument document, Map<String, AsyncApiDescription> sources, Step step) {
        if (step.operationId() != null && step.channelPath() == null) {
            return byOperationId(document, sources, step, step.operationId());
        }
        if (step.channelPath() != null && step.operationId() == null) {
            return byChannelPath(document, sources, step, step.channelPath());
        }
        return Optional.empty(); // none or both: reported by the checks
    }

    private Optional<MessageRef> byOperationId(
            ArazzoDocument document, Map<String, AsyncApiDescription> sources, Step step, Located<String> at) {
        String text = at.value();
        List<Map.Entry<String, AsyncApiDescription.Operation>> found = new ArrayList<>();
        TreeSet<String> known = new TreeSet<>();
        String searched = null;
        if (text.startsWith(QUALIFIED)) {
            String rest = text.substring(QUALIFIED.length());
            int dot = rest.indexOf('.');
            String sourceName = dot < 0 ? rest : rest.substring(0, dot);
            String id = dot < 0 ? "" : rest.substring(dot + 1);
            Optional<AsyncApiDescription> source = asyncSource(document, sources, step, at, sourceName, !id.isEmpty());
            if (source.isEmpty()) {
                return Optional.empty();
            }
            AsyncApiDescription api = source.get();
            searched = sourceName;
            text = id;
            api.operation(id).ifPresent(op -> found.add(Map.entry(sourceName, op)));
            known.addAll(api.operations().keySet());
        } else {
            long declared = document.sourceDescriptions().stream()
                    .filter(SourceDescription::isAsyncApi)
                    .count();
            for (Map.Entry<String, AsyncApiDescription> e : sources.entrySet()) {
                e.getValue().operation(text).ifPresent(op -> found.add(Map.entry(e.getKey(), op)));
                known.addAll(e.getValue().operations().keySet());
            }
            if (found.isEmpty() && sources.size() < declared) {
                return Optional.empty(); // a source failed to load; do not guess
            }
            if (sources.size() == 1) {
                searched = sources.keySet().iterator().next();
            }
        }
        if (found.isEmpty()) {
            if (searched != null) {
                diagnostics.report(
                        Message.UNKNOWN_OPERATION_IN_SOURCE,
                        at.location(),
                        step.id(),
                        text,
                        searched,
                        Suggestions.hint(text, known));
            } else {
                diagnostics.report(
                        Message.UNKNOWN_OPERATION, at.location(), step.id(), text, Suggestions.hint(text, known));
            }
            return Optional.empty();
        }
        if (found.size() > 1) {
            diagnostics.report(
                    Message.AMBIGUOUS_OPERATION,
                    at.location(),
                    text,
                    String.join(", ", found.stream().map(Map.Entry::getKey).toList()));
            return Optional.empty();
        }
        return Optional.of(forStep(step, found.get(0).getKey(), found.get(0).getValue()));
    }

    /** The channel of an operation as the step's action sees it; an action that does not fit is a warning. */
    private MessageRef forStep(Step step, String sourceName, AsyncApiDescription.Operation op) {
        boolean receive = step.action() != null && step.action().value().equals("receive");
        String id = op.id();
        if (receive && op.action().equals("receive") && op.reply() != null) {
            return new MessageRef(sourceName, id, op.reply(), op.replyMessages(), op.action());
        }
        if (step.action() != null && step.action().value().equals(op.action())) {
            diagnostics.report(
                    receive ? Message.RECEIVE_ON_RECEIVING_OPERATION : Message.SEND_ON_SENDING_OPERATION,
                    step.action().location(),
                    step.id(),
                    id,
                    op.channel().key());
        }
        return new MessageRef(sourceName, id, op.channel(), op.messages(), op.action());
    }

    private Optional<MessageRef> byChannelPath(
            ArazzoDocument document, Map<String, AsyncApiDescription> sources, Step step, Located<String> at) {
        Matcher m = CHANNEL_PATH.matcher(at.value());
        if (!m.matches()) {
            diagnostics.report(Message.MALFORMED_CHANNEL_PATH, at.location(), step.id());
            return Optional.empty();
        }
        String sourceName = m.group(1);
        Optional<AsyncApiDescription> source = asyncSource(document, sources, step, at, sourceName, true);
        if (source.isEmpty()) {
            return Optional.empty();
        }
        AsyncApiDescription api = source.get();
        Optional<AsyncApiDescription.Channel> channel = api.channelAt(m.group(2));
        if (channel.isEmpty()) {
            diagnostics.report(
                    Message.UNKNOWN_CHANNEL,
                    at.location(),
                    step.id(),
                    m.group(2),
                    sourceName,
                    Suggestions.hint(
                            m.group(2).substring("/channels/".length()),
                            api.channels().keySet()));
            return Optional.empty();
        }
        AsyncApiDescription.Channel c = channel.get();
        return Optional.of(
                new MessageRef(sourceName, null, c, List.copyOf(c.messages().values()), null));
    }

    /**
     * The read AsyncAPI description of source {@code sourceName}, which a step's reference names; a name that
     * declares no AsyncAPI source (or a reference not {@code wellFormed}) is reported. Empty too when the
     * source is declared but could not be read (reported where it was read).
     */
    private Optional<AsyncApiDescription> asyncSource(
            ArazzoDocument document,
            Map<String, AsyncApiDescription> sources,
            Step step,
            Located<String> at,
            String sourceName,
            boolean wellFormed) {
        Optional<SourceDescription> declared = document.source(sourceName);
        if (declared.isEmpty() || !wellFormed || !declared.get().isAsyncApi()) {
            diagnostics.report(
                    Message.ASYNC_STEP_NEEDS_ASYNCAPI_SOURCE,
                    at.location(),
                    step.id(),
                    sourceName,
                    Suggestions.hint(sourceName, asyncNames(document)));
            return Optional.empty();
        }
        return Optional.ofNullable(sources.get(sourceName));
    }

    private static List<String> asyncNames(ArazzoDocument document) {
        return document.sourceDescriptions().stream()
                .filter(SourceDescription::isAsyncApi)
                .map(s -> s.name().value())
                .toList();
    }
}
