package dev.weft.compiler.generate;

import dev.weft.compiler.model.Action;
import dev.weft.compiler.model.Effective;
import dev.weft.compiler.model.Step;
import dev.weft.compiler.model.Workflow;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The steps that may run more than once in one execution of a workflow: those on a cycle of its control flow (a
 * goto back, a retry), and those a retry action runs before it retries. Where a step may go is taken broadly (every
 * action's target, and the next step), so a step that cannot repeat may be counted, never the other way round.
 */
final class RepeatingSteps {
    private RepeatingSteps() {}

    /** The {@code stepId}s of the steps of {@code workflow} that may run again, in document order. */
    static Set<String> of(Workflow workflow) {
        List<Step> steps = workflow.steps();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            index.putIfAbsent(steps.get(i).id(), i);
        }
        List<List<Integer>> next = new ArrayList<>();
        boolean[] repeats = new boolean[steps.size()];
        for (int i = 0; i < steps.size(); i++) {
            List<Integer> targets = new ArrayList<>();
            if (i + 1 < steps.size()) {
                targets.add(i + 1);
            }
            Step step = steps.get(i);
            for (List<Action> actions :
                    List.of(Effective.onSuccess(workflow, step), Effective.onFailure(workflow, step))) {
                for (Action a : actions) {
                    Integer target =
                            a.stepId() == null ? null : index.get(a.stepId().value());
                    if (a.type().value().equals("retry")) {
                        repeats[i] = true;
                        if (target != null) {
                            // run before each retry, so once for each
                            repeats[target] = true;
                        }
                    } else if (a.type().value().equals("goto") && target != null) {
                        targets.add(target);
                    }
                }
            }
            next.add(targets);
        }
        markCycles(next, repeats);
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < steps.size(); i++) {
            if (repeats[i]) {
                ids.add(steps.get(i).id());
            }
        }
        return ids;
    }

    /**
     * Marks every node on a cycle: each strongly connected component of more than one node, and each node with an
     * edge to itself (Tarjan's algorithm, without recursion, as a workflow may have thousands of steps).
     */
    private static void markCycles(List<List<Integer>> next, boolean[] marked) {
        int n = next.size();
        int[] order = new int[n];
        int[] low = new int[n];
        Arrays.fill(order, -1);
        boolean[] onStack = new boolean[n];
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
            onStack[root] = true;
            while (!path.isEmpty()) {
                int v = path.peek();
                if (edge[v] < next.get(v).size()) {
                    int w = next.get(v).get(edge[v]++);
                    if (w == v) {
                        marked[v] = true;
                    }
                    if (order[w] < 0) {
                        order[w] = low[w] = counter++;
                        stack.push(w);
                        onStack[w] = true;
                        path.push(w);
                    } else if (onStack[w]) {
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
                    List<Integer> component = new ArrayList<>();
                    int w;
                    do {
                        w = stack.pop();
                        onStack[w] = false;
                        component.add(w);
                    } while (w != v);
                    if (component.size() > 1) {
                        component.forEach(c -> marked[c] = true);
                    }
                }
            }
        }
    }
}
