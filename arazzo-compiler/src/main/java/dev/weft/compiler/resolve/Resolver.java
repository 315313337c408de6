package dev.weft.compiler.resolve;

import dev.weft.compiler.diagnostic.Diagnostics;
import dev.weft.compiler.diagnostic.Message;
import dev.weft.compiler.diagnostic.Suggestions;
import dev.weft.compiler.model.ArazzoDocument;
import dev.weft.compiler.model.Located;
import dev.weft.compiler.model.SourceDescription;
import dev.weft.compiler.model.Step;
import dev.weft.compiler.model.Workflow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Loads a document's source descriptions and finds the operation behind each step. */
public final class Resolver {
    private static final String QUALIFIED = "$sourceDescriptions.";
    private static final Pattern OPERATION_PATH =
            Pattern.compile("\\{\\$sourceDescriptions\\.([A-Za-z0-9_-]+)\\.url\\}#(.*)", Pattern.DOTALL);

    private final Diagnostics diagnostics;
    private final SourceLoader loader;
    private final SourceFiles files;
    private final ArazzoSources arazzo;
    private final AsyncSources async;
    /** The documents {@link #identify} was told of, whose uses of a description are parsed together. */
    private final List<ArazzoDocument> identified = new ArrayList<>();
    /** What the identified documents of a folder use of a file, by file and folder; made when first needed. */
    private Map<List<Path>, UsedParts.Uses> unions;

    /** A resolver for one compilation: each file it loads is read once, however many documents use it. */
    public Resolver(Diagnostics diagnostics) {
        this(diagnostics, Map.of());
    }

    /** A resolver reading {@code mappings}' local files for the absolute source URLs they name (D-28). */
    public Resolver(Diagnostics diagnostics, Map<String, Path> mappings) {
        this.diagnostics = diagnostics;
        this.files = new SourceFiles(mappings);
        DescriptionReader reader = new DescriptionReader(diagnostics);
        this.loader = new SourceLoader(diagnostics, files, reader);
        this.arazzo = new ArazzoSources(diagnostics, this, files, reader);
        this.async = new AsyncSources(diagnostics, files);
    }

    public ResolvedDocument resolve(ArazzoDocument document) {
        return arazzo.resolve(document);
    }

    /**
     * Makes a document known by its 1.1 {@code $self}, so that other documents' {@code arazzo} sources can name
     * it by that URI wherever its file is; call for every document before resolving any.
     */
    public void identify(ArazzoDocument document) {
        identified.add(document);
        unions = null;
        if (document.self() != null) {
            files.identify(document.file(), document.self().value());
        }
    }

    static String self(ArazzoDocument document) {
        return document.self() == null ? null : document.self().value();
    }

    /**
     * Resolves a document's OpenAPI sources and operation steps (called by {@link ArazzoSources}, which links
     * its {@code arazzo} sources and then its workflow references).
     */
    ResolvedDocument resolveOperations(ArazzoDocument given) {
        ArazzoDocument document = StepOrder.order(given, diagnostics);
        Map<String, SourceApi> sources = new LinkedHashMap<>();
        for (SourceDescription source : document.sourceDescriptions()) {
            if (!sources.containsKey(source.name().value())
                    && !source.isAsyncApi()
                    && !arazzo.isArazzo(document, source)) {
                loader.load(
                                document.file(),
                                self(document),
                                source,
                                uses(document, source.name().value()),
                                union(document, source))
                        .ifPresent(api -> sources.put(api.name(), api));
            }
        }
        var asyncSources = async.load(document);
        Map<String, OperationRef> targets = new LinkedHashMap<>();
        Map<String, MessageRef> messageTargets = new LinkedHashMap<>();
        for (Workflow workflow : document.workflows()) {
            for (Step step : workflow.steps()) {
                String key = ResolvedDocument.key(workflow, step);
                if (step.isAsync()) {
                    async.target(document, asyncSources, step).ifPresent(t -> messageTargets.put(key, t));
                } else {
                    target(document, sources, step).ifPresent(t -> targets.put(key, t));
                }
            }
        }
        return new ResolvedDocument(document, sources, targets, Map.of(), Map.of(), messageTargets);
    }

    /**
     * What all identified documents in the folder of {@code document} use of the file {@code source} names, when
     * more than one of them uses it; else null. Only sources declared {@code openapi} count, to read no file here.
     */
    private UsedParts.Uses union(ArazzoDocument document, SourceDescription source) {
        if (unions == null) {
            Map<List<Path>, List<UsedParts.Uses>> all = new HashMap<>();
            for (ArazzoDocument d : identified) {
                for (SourceDescription s : d.sourceDescriptions()) {
                    located(d, s)
                            .filter(f -> s.type() != null && s.type().value().equals("openapi"))
                            .ifPresent(key -> all.computeIfAbsent(key, k -> new ArrayList<>())
                                    .add(uses(d, s.name().value())));
                }
            }
            unions = new HashMap<>();
            all.forEach((key, uses) -> {
                if (uses.size() > 1) {
                    Set<String> ids = new HashSet<>();
                    Set<String> paths = new HashSet<>();
                    uses.forEach(u -> {
                        ids.addAll(u.operationIds());
                        paths.addAll(u.paths());
                    });
                    unions.put(key, new UsedParts.Uses(ids, paths));
                }
            });
        }
        return located(document, source).map(unions::get).orElse(null);
    }

    /** The file a source names and the folder of the document, both absolute, if it names a local file. */
    private Optional<List<Path>> located(ArazzoDocument document, SourceDescription source) {
        String url = source.url() == null ? null : source.url().value();
        if (url == null || source.name() == null || !SourceFiles.isValidReference(url)) {
            return Optional.empty();
        }
        return files.locate(document.file(), self(document), url)
                .map(f -> List.of(
                        f.toAbsolutePath().normalize(),
                        document.file().toAbsolutePath().normalize().getParent()));
    }

    /**
     * What the document's steps use of source {@code name}: the operationIds they name (bare ones in every
     * source, qualified ones in theirs) and the paths their operationPaths name in it.
     */
    private static UsedParts.Uses uses(ArazzoDocument document, String name) {
        Set<String> ids = new HashSet<>();
        Set<String> paths = new HashSet<>();
        for (Workflow workflow : document.workflows()) {
            for (Step step : workflow.steps()) {
                if (step.operationId() != null) {
                    String text = step.operationId().value();
                    if (!text.startsWith(QUALIFIED)) {
                        ids.add(text);
                    } else if (text.startsWith(QUALIFIED + name + ".")) {
                        ids.add(text.substring(QUALIFIED.length() + name.length() + 1));
                    }
                }
                if (step.operationPath() != null) {
                    Matcher m = OPERATION_PATH.matcher(step.operationPath().value());
                    List<String> tokens = m.matches() && m.group(1).equals(name) ? pointerTokens(m.group(2)) : null;
                    if (tokens != null && tokens.size() >= 2) {
                        paths.add(tokens.get(1));
                    }
                }
            }
        }
        return new UsedParts.Uses(ids, paths);
    }

    /** Resolves a document's workflow references, once its {@code arazzo} sources are linked. */
    void linkWorkflows(ResolvedDocument document) {
        document.linkWorkflows(new WorkflowReferences(diagnostics, document).resolveAll());
    }

    private Optional<OperationRef> target(ArazzoDocument document, Map<String, SourceApi> sources, Step step) {
        if (Stream.of(step.operationId(), step.operationPath(), step.workflowId())
                        .filter(Objects::nonNull)
                        .count()
                > 1) {
            return Optional.empty(); // STEP-3 is reported by the checks; guessing a target would add noise
        }
        if (step.operationId() != null) {
            return byOperationId(document, sources, step, step.operationId());
        }
        if (step.operationPath() != null) {
            return byOperationPath(document, sources, step.operationPath());
        }
        return Optional.empty();
    }

    private Optional<OperationRef> byOperationId(
            ArazzoDocument document, Map<String, SourceApi> sources, Step step, Located<String> operationId) {
        String text = operationId.value();
        if (text.startsWith(QUALIFIED)) {
            String rest = text.substring(QUALIFIED.length());
            int dot = rest.indexOf('.');
            String sourceName = dot < 0 ? rest : rest.substring(0, dot);
            String id = dot < 0 ? "" : rest.substring(dot + 1);
            Optional<SourceDescription> declared = document.source(sourceName);
            if (declared.isEmpty() || id.isEmpty()) {
                diagnostics.report(
                        Message.UNDECLARED_OPERATION_SOURCE,
                        operationId.location(),
                        step.id(),
                        sourceName,
                        Suggestions.hint(
                                sourceName,
                                document.sourceDescriptions().stream()
                                        .map(s -> s.name().value())
                                        .toList()));
                return Optional.empty();
            }
            SourceApi api = sources.get(sourceName);
            if (api == null) {
                return Optional.empty(); // the source failed to load; that is reported already
            }
            Optional<OperationRef> op = api.operation(id);
            if (op.isEmpty() && api.isWebhook(id)) {
                webhook(operationId, id, sourceName);
            } else if (op.isEmpty()) {
                unknown(step, operationId, id, sourceName, api.operations().keySet());
            }
            return op;
        }
        List<OperationRef> found = new ArrayList<>();
        for (SourceApi api : sources.values()) {
            api.operation(text).ifPresent(found::add);
        }
        long openApiSources = document.sourceDescriptions().stream()
                .filter(d -> !d.isAsyncApi() && !arazzo.isArazzo(document, d))
                .count();
        if (sources.size() < openApiSources && found.isEmpty()) {
            return Optional.empty(); // a source failed to load; do not guess
        }
        if (found.isEmpty()) {
            Optional<SourceApi> hook =
                    sources.values().stream().filter(api -> api.isWebhook(text)).findFirst();
            if (hook.isPresent()) {
                webhook(operationId, text, hook.get().name());
                return Optional.empty();
            }
            // the candidates for a suggestion, gathered only when there is something to suggest for
            TreeSet<String> all = new TreeSet<>();
            sources.values().forEach(api -> all.addAll(api.operations().keySet()));
            String source = sources.size() == 1 ? sources.keySet().iterator().next() : null;
            unknown(step, operationId, text, source, all);
            return Optional.empty();
        }
        if (found.size() > 1) {
            diagnostics.report(
                    Message.AMBIGUOUS_OPERATION,
                    operationId.location(),
                    text,
                    String.join(
                            ", ", found.stream().map(OperationRef::sourceName).toList()));
            return Optional.empty();
        }
        if (openApiSources > 1) {
            diagnostics.report(
                    Message.UNQUALIFIED_OPERATION,
                    operationId.location(),
                    text,
                    found.get(0).sourceName());
        }
        return Optional.of(found.get(0));
    }

    private void webhook(Located<String> at, String id, String sourceName) {
        diagnostics.report(Message.WEBHOOK, at.location(), id, sourceName);
    }

    /** @param source the one source searched, or null for all of them */
    private void unknown(Step step, Located<String> at, String id, String source, Collection<String> known) {
        if (source != null) {
            diagnostics.report(
                    Message.UNKNOWN_OPERATION_IN_SOURCE,
                    at.location(),
                    step.id(),
                    id,
                    source,
                    Suggestions.hint(id, known));
        } else {
            diagnostics.report(Message.UNKNOWN_OPERATION, at.location(), step.id(), id, Suggestions.hint(id, known));
        }
    }

    private Optional<OperationRef> byOperationPath(
            ArazzoDocument document, Map<String, SourceApi> sources, Located<String> operationPath) {
        Matcher m = OPERATION_PATH.matcher(operationPath.value());
        if (!m.matches()) {
            diagnostics.report(Message.MALFORMED_OPERATION_PATH, operationPath.location());
            return Optional.empty();
        }
        String sourceName = m.group(1);
        if (document.source(sourceName).isEmpty()) {
            diagnostics.report(Message.UNDECLARED_OPERATION_PATH_SOURCE, operationPath.location(), sourceName);
            return Optional.empty();
        }
        SourceApi api = sources.get(sourceName);
        if (api == null) {
            return Optional.empty();
        }
        List<String> tokens = pointerTokens(m.group(2));
        if (tokens == null || tokens.size() < 2 || !tokens.get(0).equals("paths")) {
            diagnostics.report(Message.OPERATION_PATH_NOT_TO_PATHS, operationPath.location(), m.group(2));
            return Optional.empty();
        }
        if (tokens.size() == 2) {
            // the fix names what the path item has, as STEP-7 would have it: an operationId where there is one
            List<String> fixes = api.byPathAndMethod().values().stream()
                    .filter(op -> op.path().equals(tokens.get(1)))
                    .map(op -> op.operationId() != null
                            ? Message.OPERATION_ID_FIX.format(
                                    (sources.size() > 1 ? QUALIFIED + sourceName + "." : "") + op.operationId())
                            : Message.METHOD_FIX.format(op.method().toLowerCase(Locale.ROOT)))
                    .toList();
            if (fixes.isEmpty()) {
                diagnostics.report(Message.OPERATION_PATH_TO_PATH_ITEM, operationPath.location(), tokens.get(1));
            } else {
                diagnostics.report(
                        fixes.size() == 1
                                ? Message.OPERATION_PATH_TO_PATH_ITEM_WRITE
                                : Message.OPERATION_PATH_TO_PATH_ITEM_WRITE_ONE_OF,
                        operationPath.location(),
                        tokens.get(1),
                        String.join(", ", fixes));
            }
            return Optional.empty();
        }
        // OpenAPI 3.2: '/paths/<path>/additionalOperations/<METHOD>' names an operation of a custom method
        Optional<OperationRef> op = tokens.size() == 3
                ? api.operationAt(tokens.get(1), tokens.get(2))
                : tokens.size() == 4 && tokens.get(2).equals("additionalOperations")
                        ? api.operationAt(tokens.get(1), tokens.get(3))
                        : Optional.empty();
        if (op.isEmpty()) {
            diagnostics.report(Message.NO_OPERATION_AT_PATH, operationPath.location(), m.group(2), sourceName);
        }
        return op;
    }

    private static List<String> pointerTokens(String pointer) {
        if (!pointer.startsWith("/")) {
            return null;
        }
        List<String> tokens = new ArrayList<>();
        for (String raw : pointer.substring(1).split("/", -1)) {
            tokens.add(raw.replace("~1", "/").replace("~0", "~"));
        }
        return tokens;
    }
}
