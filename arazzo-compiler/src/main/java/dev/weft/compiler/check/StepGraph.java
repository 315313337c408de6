package dev.weft.compiler.check;

import dev.weft.compiler.model.Action;
import dev.weft.compiler.model.Effective;
import dev.weft.compiler.model.Step;
import dev.weft.compiler.model.Workflow;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;

/**
 * The control flow between a workflow's steps: where each step can go next (gotos, retries, the next
 * step when no action matched), which steps are reachable from the first, which steps run on
 * every path to another (dominators), and which may run more than once. The checks read all of it; the
 * generator reads only {@link #mayRepeat}.
 */
public final class StepGraph {
    private final Workflow workflow;
    private final List<List<Integer>> successors = new ArrayList<>();
    private final List<List<Integer>> unconditional = new ArrayList<>();
    private final BitSet reachable = new BitSet();
    /** Computed on first use: the generator never asks. */
    private List<BitSet> dominators;
    /** The steps a retry action runs before it retries: once for each retry. */
    private final BitSet runBeforeRetry = new BitSet();
    /** The steps on a cycle, computed on first use. */
    private BitSet onCycle;

    /** The control flow of {@code workflow}'s steps. */
    public StepGraph(Workflow workflow) {
        this.workflow = workflow;
        List<Step> steps = workflow.steps();
        for (int i = 0; i < steps.size(); i++) {
            List<Integer> next = new ArrayList<>();
            List<Integer> always = new ArrayList<>();
            Step step = steps.get(i);
            boolean successAlwaysHandled = edges(Effective.onSuccess(workflow, step), i, next, always);
            if (!successAlwaysHandled && i + 1 < steps.size()) {
                next.add(i + 1);
            }
            edges(Effective.onFailure(workflow, step), i, next, new ArrayList<>());
            successors.add(next);
            unconditional.add(always);
        }
        if (!steps.isEmpty()) {
            reach(0);
        }
    }

    /** Adds the step targets of actions; true when an action without criteria always ends the choice. */
    private boolean edges(List<Action> actions, int self, List<Integer> next, List<Integer> always) {
        for (Action action : actions) {
            String type = action.type().value();
            int target = -1;
            if (type.equals("goto") && action.stepId() != null) {
                target = index(action.stepId().value());
            } else if (type.equals("retry")) {
                target = self;
                if (action.stepId() != null && index(action.stepId().value()) >= 0) {
                    next.add(index(action.stepId().value())); // the step a retry runs first
                    runBeforeRetry.set(index(action.stepId().value()));
                }
            }
            if (target >= 0) {
                next.add(target);
                if (action.criteria().isEmpty() && !type.equals("retry")) {
                    always.add(target);
                }
            }
            if (action.criteria().isEmpty() && !type.equals("retry")) {
                return true;
            }
        }
        return false;
    }

    int index(String stepId) {
        List<Step> steps = workflow.steps();
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).id().equals(stepId)) {
                return i;
            }
        }
        return -1;
    }

    boolean isReachable(int step) {
        return reachable.get(step);
    }

    /** Whether {@code before} runs on every path from the first step to {@code step}. */
    boolean alwaysRunsBefore(int before, int step) {
        if (dominators == null) {
            dominators = computeDominators();
        }
        return dominators.get(step).get(before);
    }

    /**
     * Whether the step at {@code step} may run more than once in one execution: it is on a cycle (a goto back, a
     * retry), or a retry action runs it before retrying.
     */
    public boolean mayRepeat(int step) {
        if (onCycle == null) {
            onCycle = cycles();
        }
        return onCycle.get(step) || runBeforeRetry.get(step);
    }

    /** Whether some path from the first step runs {@code before} and later reaches {@code step}. */
    boolean mayRunBefore(int before, int step) {
        if (!reachable.get(before)) {
            return false;
        }
        BitSet seen = new BitSet();
        List<Integer> work = new ArrayList<>(successors.get(before));
        while (!work.isEmpty()) {
            int n = work.remove(work.size() - 1);
            if (n == step) {
                return true;
            }
            if (!seen.get(n)) {
                seen.set(n);
                work.addAll(successors.get(n));
            }
        }
        return false;
    }

    /** A cycle made only of gotos without criteria, starting at {@code step}, if there is one. */
    List<Integer> unconditionalCycle(int step) {
        List<Integer> path = new ArrayList<>();
        int current = step;
        BitSet seen = new BitSet();
        while (!unconditional.get(current).isEmpty() && !seen.get(current)) {
            seen.set(current);
            current = unconditional.get(current).get(0);
            path.add(current);
            if (current == step) {
                return path;
            }
        }
        return List.of();
    }

    private void reach(int from) {
        List<Integer> work = new ArrayList<>(List.of(from));
        while (!work.isEmpty()) {
            int n = work.remove(work.size() - 1);
            if (!reachable.get(n)) {
                reachable.set(n);
                work.addAll(successors.get(n));
            }
        }
    }

    /** The classic iterative data-flow: dom(entry) = {entry}; dom(n) = {n} ∪ ⋂ dom(predecessors). */
    private List<BitSet> computeDominators() {
        List<BitSet> found = new ArrayList<>();
        int size = workflow.steps().size();
        List<List<Integer>> predecessors = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            predecessors.add(new ArrayList<>());
        }
        for (int i = 0; i < size; i++) {
            if (reachable.get(i)) {
                for (int s : successors.get(i)) {
                    predecessors.get(s).add(i);
                }
            }
        }
        for (int i = 0; i < size; i++) {
            BitSet all = new BitSet();
            if (i == 0) {
                all.set(0);
            } else {
                all.set(0, size);
            }
            found.add(all);
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int n = 1; n < size; n++) {
                if (!reachable.get(n)) {
                    continue;
                }
                BitSet next = new BitSet();
                next.set(0, size);
                for (int p : predecessors.get(n)) {
                    next.and(found.get(p));
                }
                next.set(n);
                if (!next.equals(found.get(n))) {
                    found.set(n, next);
                    changed = true;
                }
            }
        }
        return found;
    }

    /**
     * Every step on a cycle: each strongly connected component of more than one step, and each step with an edge
     * to itself (Tarjan's algorithm, without recursion, as a workflow may have thousands of steps).
     */
    private BitSet cycles() {
        int n = successors.size();
        BitSet marked = new BitSet();
        int[] order = new int[n];
        int[] low = new int[n];
        Arrays.fill(order, -1);
        BitSet onStack = new BitSet();
        Deque<Integer> stack = new ArrayDeque<>();
        int[] edge = new int[n];
        int counter = 0;
        for (int root = 0; root < n; root++) {
            if (order[root] >= 0) {
                continue;
            }
            Deque<Integer> path = new ArrayDeque<>();
            path.push(root);
            order[root] = low[root] = counter++;
            stack.push(root);
            onStack.set(root);
            while (!path.isEmpty()) {
                int v = path.peek();
                if (edge[v] < successors.get(v).size()) {
                    int w = successors.get(v).get(edge[v]++);
                    if (w == v) {
                        marked.set(v);
                    }
                    if (order[w] < 0) {
                        order[w] = low[w] = counter++;
                        stack.push(w);
                        onStack.set(w);
                        path.push(w);
                    } else if (onStack.get(w)) {
                        low[v] = Math.min(low[v], order[w]);
                    }
                    continue;
                }
                path.pop();
                if (!path.isEmpty()) {
                    int parent = path.peek();
                    low[parent] = Math.min(low[parent], low[v]);
                }
                if (low[v] == order[v]) {
                    int w = stack.pop();
                    onStack.clear(w);
                    if (w != v) {
                        marked.set(w);
                        do {
                            w = stack.pop();
                            onStack.clear(w);
                            marked.set(w);
                        } while (w != v);
                    }
                }
            }
        }
        return marked;
    }
}
