package dev.sluice.develop.batch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dependency graph of batch tasks: each task with its outputs and the outputs it depends on. Built from what is in
 * production, overlaid with changes about to join it (a submit, the submits of one publish).
 */
final class TaskGraph {

    private final Map<Long, BatchTask> tasks = new LinkedHashMap<>();

    /** Puts {@code task} in place of what object {@code id} held, or removes it ({@code null}). */
    TaskGraph put(long id, BatchTask task) {
        if (task == null) tasks.remove(id);
        else tasks.put(id, task);
        return this;
    }

    /** The task writing {@code output}, if any. */
    Optional<Long> producer(String output) {
        return tasks.entrySet().stream().filter(e -> e.getValue().outputs().contains(output)).map(Map.Entry::getKey).findFirst();
    }

    /**
     * The task whose output names {@code table} ({@code schema.table} or {@code table}, lower case): an output equal to
     * it in any case, or one of the two the other with a schema in front.
     */
    Optional<Map.Entry<Long, String>> writerOf(String table) {
        for (Map.Entry<Long, BatchTask> e : tasks.entrySet()) {
            for (String output : e.getValue().outputs()) {
                String o = output.toLowerCase(java.util.Locale.ROOT);
                if (o.equals(table) || table.endsWith("." + o) || o.endsWith("." + table)) return Optional.of(Map.entry(e.getKey(), output));
            }
        }
        return Optional.empty();
    }

    String name(long id) {
        return tasks.get(id).name();
    }

    /** The tasks (other than {@code id}) that depend on one of {@code id}'s outputs, by name. */
    List<String> dependents(long id) {
        BatchTask task = tasks.get(id);
        if (task == null) return List.of();
        return tasks.entrySet().stream().filter(e -> e.getKey() != id)
                .filter(e -> e.getValue().upstreams().stream().anyMatch(u -> task.outputs().contains(u.outputName())))
                .map(e -> e.getValue().name()).sorted().toList();
    }

    /** The upstream output names of {@code id} that no task of the graph writes. */
    List<String> missingUpstreams(long id) {
        return tasks.get(id).upstreams().stream().map(BatchTask.Upstream::outputName).filter(o -> producer(o).isEmpty()).toList();
    }

    /**
     * A cycle through {@code id}, as task names from {@code id} along its dependencies back to it ({@code a -> b -> a}:
     * a depends on b, b on a); empty when there is none.
     */
    Optional<List<String>> cycleThrough(long id) {
        List<Long> path = new ArrayList<>();
        path.add(id);
        if (!search(id, id, path, new java.util.HashSet<>())) return Optional.empty();
        List<String> names = new ArrayList<>(path.stream().map(this::name).toList());
        names.add(name(id));
        return Optional.of(names);
    }

    private boolean search(long start, long at, List<Long> path, java.util.Set<Long> seen) {
        for (BatchTask.Upstream upstream : tasks.get(at).upstreams()) {
            Optional<Long> next = producer(upstream.outputName());
            if (next.isEmpty()) continue;
            if (next.get() == start) return true;
            if (!seen.add(next.get())) continue;
            path.add(next.get());
            if (search(start, next.get(), path, seen)) return true;
            path.removeLast();
        }
        return false;
    }
}
