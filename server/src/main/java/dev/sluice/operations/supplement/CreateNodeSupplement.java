package dev.sluice.operations.supplement;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;

import dev.sluice.develop.version.VersionedObjects;
import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.operations.NodeOperationLog;
import dev.sluice.operations.instance.Instances;
import dev.sluice.protocol.PopErrors;

/**
 * A backfill: the root nodes ({@code NodeIdList}) with either the downstream nodes named ({@code DownStreamNodeIdList})
 * or all their downstream ({@code ContainAllDownStream}), narrowed by {@code FilterList}, run for every business date
 * from {@code StartBizDate} to {@code EndBizDate}. Each date is a dag run with a flow of its own; dates start oldest
 * first, at most {@code Parallelism} at once ({@link DagrunAdvancer}). Nodes run at the production version they have
 * now, with the global parameters and each node's own on top. The answer is the backfill's id (also its job id).
 */
@Action("CreateNodeSupplement")
final class CreateNodeSupplement implements OperationHandler<CreateNodeSupplement.Request, CreateNodeSupplement.Response> {

    static final int MAX_DAYS = 366;
    static final int MAX_PARALLELISM = 10;
    static final int MAX_ROOTS = 100;
    static final int MAX_NODES = 1000;

    record Request(CreateCommand createCommand, String env) {
    }

    record CreateCommand(Boolean containAllDownStream, List<NodeRef> downStreamNodeIdList, String endBizDate, List<Filter> filterList,
                         List<Param> globalParamList, String maxDueTime, String minDueTime, String name, List<NodeRef> nodeIdList,
                         List<NodeParams> nodeParamsList, Integer parallelism, Long projectId, String startBizDate) {
    }

    record NodeRef(List<String> fieldIdList, String id) {
    }

    record Filter(Boolean exclude, String key, List<String> valueList) {
    }

    record Param(String key, String value) {
    }

    record NodeParams(String nodeId, List<Param> paramList) {
    }

    record Response(String submitId) {
    }

    private final Instances instances;
    private final VersionedObjects objects;
    private final JobStore store;
    private final ObjectProvider<NodeOperationLog> operationLog;
    private final Clock clock;

    CreateNodeSupplement(Instances instances, VersionedObjects objects, JobStore store, ObjectProvider<NodeOperationLog> operationLog, Clock clock) {
        this.instances = instances;
        this.objects = objects;
        this.store = store;
        this.operationLog = operationLog;
        this.clock = clock;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        Instances.production(request.env());
        CreateCommand c = request.createCommand();
        if (c == null || c.projectId() == null) throw PopErrors.missingParameter("CreateCommand.ProjectId").exception();
        LocalDate start = requiredDate(c.startBizDate(), "CreateCommand.StartBizDate");
        LocalDate end = requiredDate(c.endBizDate(), "CreateCommand.EndBizDate");
        if (end.isBefore(start)) throw SupplementErrors.dateRange("CreateCommand.EndBizDate", "the range ends (" + end + ") before it starts (" + start + ")").exception();
        if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
            throw SupplementErrors.dateRange("CreateCommand.EndBizDate", "at most " + MAX_DAYS + " business dates per backfill").exception();
        }
        int parallelism = c.parallelism() == null ? 1 : c.parallelism();
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw PopErrors.invalidParameter("CreateCommand.Parallelism", "between 1 and " + MAX_PARALLELISM + ", got " + parallelism).exception();
        }
        LocalTime minDue = time(c.minDueTime(), "CreateCommand.MinDueTime");
        LocalTime maxDue = time(c.maxDueTime(), "CreateCommand.MaxDueTime");
        if (minDue != null && maxDue != null && maxDue.isBefore(minDue)) {
            throw PopErrors.invalidParameter("CreateCommand.MaxDueTime", "the latest due time is before the earliest").exception();
        }
        if (c.nodeIdList() == null || c.nodeIdList().isEmpty()) throw PopErrors.missingParameter("CreateCommand.NodeIdList").exception();
        if (c.nodeIdList().size() > MAX_ROOTS) {
            throw PopErrors.invalidParameter("CreateCommand.NodeIdList", "at most " + MAX_ROOTS + " root nodes, got " + c.nodeIdList().size()).exception();
        }
        List<Long> rootIds = ids(c.nodeIdList(), "CreateCommand.NodeIdList");
        List<Long> namedDownstream = c.downStreamNodeIdList() == null ? List.of() : ids(c.downStreamNodeIdList(), "CreateCommand.DownStreamNodeIdList");
        Map<String, String> global = params(c.globalParamList(), "CreateCommand.GlobalParamList");
        Predicate<PublishedGraph.Node> kept = filters(c.filterList());
        instances.operator(caller, c.projectId());

        long tenant = caller.tenant().id();
        PublishedGraph graph = PublishedGraph.of(objects, tenant);
        for (int i = 0; i < rootIds.size(); i++) {
            long id = rootIds.get(i);
            // another project's node (another tenant's too) is unknown here, as in ListNodeDownStream
            if (graph.node(id).filter(n -> n.object().projectId() == c.projectId()).isEmpty()) {
                throw PopErrors.notFound("production node", c.nodeIdList().get(i).id().trim()).exception();
            }
        }
        List<PublishedGraph.Node> nodes = chosenNodes(c, graph, rootIds, namedDownstream, kept);
        if (nodes.isEmpty()) throw SupplementErrors.nothingToRun("the filters leave no node to backfill").exception();
        if (nodes.size() > MAX_NODES) {
            throw SupplementErrors.tooLarge("CreateCommand.NodeIdList", nodes.size() + " nodes; at most " + MAX_NODES + " per backfill").exception();
        }
        Map<Long, Map<String, String>> nodeParams = nodeParams(c.nodeParamsList(), nodes.stream().map(n -> n.object().id()).collect(Collectors.toSet()));
        Set<Long> projects = new LinkedHashSet<>();
        for (PublishedGraph.Node node : nodes) projects.add(node.object().projectId());
        for (long project : projects) instances.operator(caller, project); // downstream in other projects need their operators too

        long now = clock.millis();
        String name = c.name() == null || c.name().isBlank() ? "backfill " + start + " to " + end : c.name().trim();
        long job = store.insertJob(tenant, c.projectId(), Job.SUPPLY_DATA, name, caller.user().id(), parallelism, start.toString(), end.toString(),
                minDue == null ? null : minDue.toString(), maxDue == null ? null : maxDue.toString(), null, now);
        for (PublishedGraph.Node node : nodes) {
            Map<String, String> merged = new LinkedHashMap<>(global);
            merged.putAll(nodeParams.getOrDefault(node.object().id(), Map.of()));
            store.insertNode(job, node.object().id(), node.object().projectId(), node.version(), Instances.writeParams(merged));
        }
        for (LocalDate day = start; !day.isAfter(end); day = day.plusDays(1)) store.insertDagrun(job, tenant, day.toString());
        String wireId = "f_" + job;
        NodeOperationLog log = operationLog.getIfAvailable();
        if (log != null) {
            for (PublishedGraph.Node node : nodes) {
                log.record(tenant, node.object().projectId(), node.object().nodeId(), caller.user().id(), "SUPPLY_DATA",
                        "backfill " + wireId + ", business dates " + start + " to " + end);
            }
        }
        return new Response(wireId);
    }

    /** The roots with the downstream named (or all of it), in that order, less what the filters leave out. */
    private static List<PublishedGraph.Node> chosenNodes(CreateCommand c, PublishedGraph graph, List<Long> rootIds, List<Long> namedDownstream,
                                                         Predicate<PublishedGraph.Node> kept) {
        Set<Long> downstream = graph.downstream(rootIds, false);
        Set<Long> chosen = new LinkedHashSet<>(rootIds);
        if (Boolean.TRUE.equals(c.containAllDownStream())) {
            chosen.addAll(downstream);
        } else {
            for (int i = 0; i < namedDownstream.size(); i++) {
                long id = namedDownstream.get(i);
                String wire = c.downStreamNodeIdList().get(i).id().trim();
                String path = "CreateCommand.DownStreamNodeIdList[" + i + "].Id";
                if (graph.node(id).isEmpty()) throw PopErrors.notFound("production node", wire).exception();
                if (!downstream.contains(id) && !chosen.contains(id)) throw SupplementErrors.notDownstream(path, wire, "the root nodes").exception();
                chosen.add(id);
            }
        }
        List<PublishedGraph.Node> nodes = new ArrayList<>();
        for (long id : chosen) {
            PublishedGraph.Node node = graph.node(id).orElseThrow();
            if (kept.test(node) && sourcesAndTargets(c.filterList(), graph, id)) nodes.add(node);
        }
        return nodes;
    }

    private static LocalDate requiredDate(String text, String path) {
        if (text == null || text.isBlank()) throw PopErrors.missingParameter(path).exception();
        return LocalDate.parse(Instances.date(text, path));
    }

    private static LocalTime time(String text, String path) {
        if (text == null || text.isBlank()) return null;
        try {
            return LocalTime.parse(text.trim().length() == 4 ? "0" + text.trim() : text.trim());
        } catch (DateTimeParseException e) {
            throw PopErrors.invalidParameter(path, "'" + PopErrors.excerpt(text) + "' is not a time of day (HH:mm)").exception();
        }
    }

    private static List<Long> ids(List<NodeRef> refs, String path) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < refs.size(); i++) {
            NodeRef ref = refs.get(i);
            String at = path + "[" + i + "].Id";
            if (ref == null || ref.id() == null || ref.id().isBlank()) throw PopErrors.missingParameter(at).exception();
            ids.add(Instances.nodeObject(ref.id().trim(), at));
        }
        return ids;
    }

    static Map<String, String> params(List<Param> list, String path) {
        Map<String, String> params = new LinkedHashMap<>();
        if (list == null) return params;
        for (int i = 0; i < list.size(); i++) {
            Param p = list.get(i);
            if (p == null || p.key() == null || p.key().isBlank()) throw PopErrors.missingParameter(path + "[" + i + "].Key").exception();
            params.put(p.key().trim(), p.value() == null ? "" : p.value());
        }
        return params;
    }

    /** Each node's own parameters; a node that is not in the backfill is refused, naming the entry. */
    private static Map<Long, Map<String, String>> nodeParams(List<NodeParams> list, Set<Long> nodes) {
        Map<Long, Map<String, String>> byNode = new LinkedHashMap<>();
        if (list == null) return byNode;
        for (int i = 0; i < list.size(); i++) {
            NodeParams entry = list.get(i);
            String path = "CreateCommand.NodeParamsList[" + i + "]";
            if (entry == null || entry.nodeId() == null || entry.nodeId().isBlank()) throw PopErrors.missingParameter(path + ".NodeId").exception();
            long id = Instances.nodeObject(entry.nodeId().trim(), path + ".NodeId");
            if (!nodes.contains(id)) {
                throw PopErrors.invalidParameter(path + ".NodeId", "'" + PopErrors.excerpt(entry.nodeId()) + "' is not one of the backfilled nodes").exception();
            }
            byNode.computeIfAbsent(id, k -> new LinkedHashMap<>()).putAll(params(entry.paramList(), path + ".ParamList"));
        }
        return byNode;
    }

    /**
     * The node filters: PROJECT (project ids), NODE_OUTPUT_NAME, NODE_NAME and NODE_ID keep the nodes matching one of the
     * values ({@code Exclude} drops them instead). SOURCES and TARGETS are read by {@link #sourcesAndTargets}.
     */
    private static Predicate<PublishedGraph.Node> filters(List<Filter> filters) {
        Predicate<PublishedGraph.Node> kept = n -> true;
        if (filters == null) return kept;
        for (int i = 0; i < filters.size(); i++) {
            Filter filter = filters.get(i);
            String path = "CreateCommand.FilterList[" + i + "]";
            if (filter == null || filter.key() == null || filter.key().isBlank()) throw PopErrors.missingParameter(path + ".Key").exception();
            List<String> values = values(filter);
            Predicate<PublishedGraph.Node> matches = switch (filter.key().trim().toUpperCase(Locale.ROOT)) {
                case "PROJECT" -> n -> values.contains(String.valueOf(n.object().projectId()));
                case "NODE_OUTPUT_NAME" -> n -> n.task().outputs().stream().anyMatch(values::contains);
                case "NODE_NAME" -> n -> values.contains(n.object().name());
                case "NODE_ID" -> n -> values.contains(n.object().nodeId());
                case "SOURCES", "TARGETS" -> {
                    for (int v = 0; v < values.size(); v++) Instances.nodeObject(values.get(v), path + ".ValueList[" + v + "]");
                    yield null;
                }
                default -> throw PopErrors.invalidParameter(path + ".Key", "expected PROJECT, NODE_OUTPUT_NAME, NODE_NAME, NODE_ID, TARGETS or SOURCES,"
                        + " got '" + PopErrors.excerpt(filter.key()) + "'").exception();
            };
            if (matches != null) kept = kept.and(Boolean.TRUE.equals(filter.exclude()) ? matches.negate() : matches);
        }
        return kept;
    }

    /**
     * SOURCES keeps the nodes reached from one of the listed nodes (those included), TARGETS the nodes one of the listed
     * nodes is reached from (those included): the backfill then runs only the part of the graph between them.
     * {@code Exclude} drops those nodes instead.
     */
    private static boolean sourcesAndTargets(List<Filter> filters, PublishedGraph graph, long node) {
        if (filters == null) return true;
        for (Filter filter : filters) {
            String key = filter.key().trim().toUpperCase(Locale.ROOT);
            if (!key.equals("SOURCES") && !key.equals("TARGETS")) continue;
            List<Long> listed = values(filter).stream().map(v -> Long.parseLong(v.substring(2))).toList();
            Set<Long> area = new HashSet<>(listed);
            area.addAll(key.equals("SOURCES") ? graph.downstream(listed, false) : graph.upstream(listed));
            if (area.contains(node) == Boolean.TRUE.equals(filter.exclude())) return false;
        }
        return true;
    }

    private static List<String> values(Filter filter) {
        return filter.valueList() == null ? List.of() : filter.valueList().stream().filter(v -> v != null).map(String::trim).toList();
    }
}
