package dev.weft.compiler.resolve;

import dev.weft.compiler.diagnostic.Diagnostics;
import dev.weft.compiler.diagnostic.Message;
import dev.weft.compiler.diagnostic.Suggestions;
import dev.weft.compiler.model.ArazzoDocument;
import dev.weft.compiler.model.ArazzoVersion;
import dev.weft.compiler.model.Criterion;
import dev.weft.compiler.model.Located;
import dev.weft.compiler.model.Node;
import dev.weft.compiler.model.Parameter;
import dev.weft.compiler.model.RequestBody;
import dev.weft.compiler.model.Selector;
import dev.weft.compiler.model.SourceDescription;
import dev.weft.compiler.model.Step;
import dev.weft.compiler.model.Workflow;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Arazzo 1.1 step dependencies: a step's {@code dependsOn} entries and the {@code $steps.<id>} values it reads.
 * In a workflow where a step declares {@code dependsOn}, the steps are put in an order that satisfies both
 * (a stable topological order: document order wherever the dependencies allow it), which is then the order
 * the workflow runs in; a cycle is an error. A workflow without any step {@code dependsOn} keeps document
 * order, and the checks report a forward read ({@code forward-step-reference}). Entries naming a step of
 * another workflow ({@code $workflows.<w>.steps.<s>}, {@code $sourceDescriptions.<d>.<w>.steps.<s>}) are
 * checked here and at run time, not ordered: they do not trigger the other workflow.
 */
public final class StepOrder {
    private static final Pattern STEP_READ = Pattern.compile("\\$steps\\.([A-Za-z0-9_\\-]+)");
    private static final Pattern LOCAL = Pattern.compile("[A-Za-z0-9_\\-]+");
    private static final Pattern OTHER_WORKFLOW =
            Pattern.compile("\\$workflows\\.([A-Za-z0-9_\\-]+)\\.steps\\.([A-Za-z0-9_\\-]+)");
    private static final Pattern OTHER_DOCUMENT = Pattern.compile(
            "\\$sourceDescriptions\\.([A-Za-z0-9_\\-]+)\\.([A-Za-z0-9_\\-]+)\\.steps\\.([A-Za-z0-9_\\-]+)");

    private StepOrder() {}

    /** A step dependency on a step of another workflow, which must have completed in the run. */
    public record External(String workflowId, String stepId, Located<String> entry) {}

    /** The dependencies on other workflows' steps that {@code step} declares (well-formed entries only). */
    public static List<External> external(Step step) {
        List<External> result = new ArrayList<>();
        for (Located<String> entry : step.dependsOn()) {
            Matcher w = OTHER_WORKFLOW.matcher(entry.value());
            Matcher d = OTHER_DOCUMENT.matcher(entry.value());
            if (w.matches()) {
                result.add(new External(w.group(1), w.group(2), entry));
            } else if (d.matches()) {
                result.add(new External(d.group(2), d.group(3), entry));
            }
        }
        return result;
    }

    /** Whether any step of the workflow declares {@code dependsOn}. */
    public static boolean declares(Workflow workflow) {
        return workflow.steps().stream().anyMatch(s -> !s.dependsOn().isEmpty());
    }

    /** The ids of the steps of the same workflow whose outputs {@code step} reads. */
    public static Set<String> reads(Step step) {
        Set<String> ids = new LinkedHashSet<>();
        for (Parameter p : step.parameters()) {
            values(p.value(), ids);
        }
        RequestBody body = step.requestBody();
        if (body != null) {
            values(body.payload(), ids);
            body.replacements().forEach(r -> values(r.value(), ids));
        }
        for (Criterion c : step.successCriteria()) {
            text(c.condition().value(), ids);
            if (c.context() != null) {
                text(c.context().value(), ids);
            }
        }
        step.outputs().values().forEach(o -> text(o.value(), ids));
        for (Selector s : step.outputSelectors().values()) {
            text(s.context().value(), ids);
        }
        ids.remove(step.id());
        return ids;
    }

    private static void values(Node value, Set<String> ids) {
        if (value instanceof Node.StringNode s) {
            text(s.value(), ids);
        } else if (value instanceof Node.MapNode map) {
            map.entries().values().forEach(e -> values(e.value(), ids));
        } else if (value instanceof Node.ListNode list) {
            list.items().forEach(item -> values(item, ids));
        }
    }

    private static void text(String text, Set<String> ids) {
        Matcher m = STEP_READ.matcher(text);
        while (m.find()) {
            ids.add(m.group(1));
        }
    }

    /** The document with each 1.1 workflow's steps in an order that satisfies their dependencies. */
    static ArazzoDocument order(ArazzoDocument document, Diagnostics diagnostics) {
        if (!document.version().atLeast(ArazzoVersion.V1_1)) {
            return document;
        }
        List<Workflow> workflows = new ArrayList<>();
        boolean changed = false;
        for (Workflow workflow : document.workflows()) {
            checkEntries(document, workflow, diagnostics);
            Workflow ordered = declares(workflow) ? ordered(workflow, diagnostics) : workflow;
            changed |= ordered != workflow;
            workflows.add(ordered);
        }
        if (!changed) {
            return document;
        }
        return new ArazzoDocument(
                document.file(),
                document.arazzo(),
                document.version(),
                document.self(),
                document.info(),
                document.sourceDescriptions(),
                workflows,
                document.components(),
                document.selectors(),
                document.location());
    }

    private static void checkEntries(ArazzoDocument document, Workflow workflow, Diagnostics diagnostics) {
        List<String> ids = workflow.steps().stream().map(Step::id).toList();
        for (Step step : workflow.steps()) {
            Set<String> seen = new HashSet<>();
            for (Located<String> entry : step.dependsOn()) {
                String value = entry.value();
                if (!seen.add(value)) {
                    diagnostics.report(Message.DUPLICATE_STEP_DEPENDENCY, entry.location(), step.id(), value);
                    continue;
                }
                Matcher w = OTHER_WORKFLOW.matcher(value);
                Matcher d = OTHER_DOCUMENT.matcher(value);
                if (LOCAL.matcher(value).matches()) {
                    if (!ids.contains(value)) {
                        diagnostics.report(
                                Message.UNKNOWN_STEP_DEPENDENCY,
                                entry.location(),
                                value,
                                value,
                                workflow.workflowId().value(),
                                Suggestions.hint(value, ids));
                    }
                } else if (w.matches()) {
                    Optional<Workflow> other = document.workflow(w.group(1));
                    List<String> workflowIds = document.workflows().stream()
                            .map(x -> x.workflowId().value())
                            .toList();
                    if (other.isEmpty()) {
                        diagnostics.report(
                                Message.UNKNOWN_DEPENDENCY_WORKFLOW,
                                entry.location(),
                                value,
                                w.group(1),
                                Suggestions.hint(w.group(1), workflowIds));
                    } else if (other.get().step(w.group(2)).isEmpty()) {
                        List<String> otherIds =
                                other.get().steps().stream().map(Step::id).toList();
                        diagnostics.report(
                                Message.UNKNOWN_STEP_DEPENDENCY,
                                entry.location(),
                                value,
                                w.group(2),
                                w.group(1),
                                Suggestions.hint(w.group(2), otherIds));
                    }
                } else if (d.matches()) {
                    Optional<SourceDescription> source = document.source(d.group(1));
                    if (source.isEmpty()
                            || source.get().type() == null
                            || !source.get().type().value().equals("arazzo")) {
                        diagnostics.report(Message.UNKNOWN_DEPENDENCY_SOURCE, entry.location(), value, d.group(1));
                    }
                } else {
                    diagnostics.report(Message.MALFORMED_STEP_DEPENDENCY, entry.location(), value);
                }
            }
        }
    }

    /** Kahn's algorithm, taking the first ready step in document order each time. */
    private static Workflow ordered(Workflow workflow, Diagnostics diagnostics) {
        List<Step> steps = workflow.steps();
        int n = steps.size();
        List<BitSet> before = new ArrayList<>();
        for (Step step : steps) {
            BitSet deps = new BitSet();
            for (Located<String> entry : step.dependsOn()) {
                int i = index(steps, entry.value());
                if (i >= 0) {
                    deps.set(i);
                }
            }
            for (String read : reads(step)) {
                int i = index(steps, read);
                if (i >= 0) {
                    deps.set(i);
                }
            }
            before.add(deps);
        }
        List<Step> order = new ArrayList<>();
        BitSet done = new BitSet();
        while (order.size() < n) {
            int next = -1;
            for (int i = 0; i < n && next < 0; i++) {
                if (!done.get(i)) {
                    BitSet missing = (BitSet) before.get(i).clone();
                    missing.andNot(done);
                    if (missing.isEmpty()) {
                        next = i;
                    }
                }
            }
            if (next < 0) {
                reportCycle(workflow, before, done, diagnostics);
                return workflow;
            }
            done.set(next);
            order.add(steps.get(next));
        }
        if (order.equals(steps)) {
            return workflow;
        }
        return new Workflow(
                workflow.workflowId(),
                workflow.summary(),
                workflow.description(),
                workflow.inputs(),
                workflow.dependsOn(),
                order,
                workflow.successActions(),
                workflow.failureActions(),
                workflow.outputs(),
                workflow.parameters(),
                workflow.outputSelectors(),
                workflow.location());
    }

    private static int index(List<Step> steps, String id) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** Follows unmet dependencies from the first blocked step until one repeats: that loop is the cycle. */
    private static void reportCycle(Workflow workflow, List<BitSet> before, BitSet done, Diagnostics diagnostics) {
        List<Step> steps = workflow.steps();
        int start = done.nextClearBit(0);
        List<Integer> path = new ArrayList<>();
        int at = start;
        while (!path.contains(at)) {
            path.add(at);
            BitSet missing = (BitSet) before.get(at).clone();
            missing.andNot(done);
            at = missing.nextSetBit(0);
        }
        List<Integer> cycle = path.subList(path.indexOf(at), path.size());
        List<String> ids = new ArrayList<>();
        cycle.forEach(i -> ids.add(steps.get(i).id()));
        ids.add(steps.get(at).id());
        Step first = steps.get(at);
        diagnostics.report(
                Message.STEP_DEPENDENCY_CYCLE,
                first.dependsOn().isEmpty()
                        ? first.stepId().location()
                        : first.dependsOn().get(0).location(),
                workflow.workflowId().value(),
                String.join(" -> ", ids));
    }
}
