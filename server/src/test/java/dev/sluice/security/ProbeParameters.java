package dev.sluice.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import dev.sluice.catalog.Operation;
import dev.sluice.catalog.Param;
import dev.sluice.catalog.ParamType;
import dev.sluice.dispatch.RpcJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The wire parameters of probe calls, built from an operation's catalog declaration alone: every parameter that
 * names an object (an id "slot", see {@link IdKind}) gets the target tenant's objects of its kind, one slot at a time
 * while the other slots hold the caller's own objects (an attack mixes the two: "add their user to my group"), and
 * once with every slot the target's. Other required values are plausible by name, or by type.
 */
final class ProbeParameters {

    /** A parameter that names an object, e.g. {@code AddCommand.UserIdList[]} of kind USER. */
    record Slot(String path, IdKind kind, ParamType type) {

        /** The target's values for this slot; an integer parameter is never sent a text id (that only probes the binder). */
        List<String> candidates(SweepTenant tenant) {
            return tenant.ids(kind).stream().filter(id -> type != ParamType.INTEGER || id.chars().allMatch(Character::isDigit)).toList();
        }
    }

    /** One call's parameters (top level, structures as JSON text) and what it aims at. */
    record Probe(String aim, Map<String, String> params) {
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final AtomicInteger UNIQUE = new AtomicInteger();

    /** Plausible values of non-id scalars, by leaf name; a list is a set of alternatives, each probed. */
    private static final Map<String, List<Object>> HINTS = Map.ofEntries(
            Map.entry("Env", List.of("PROD")), Map.entry("EnvEnum", List.of("PROD")),
            Map.entry("TabType", List.of("TABLE", "DATASOURCE", "PROJECT", "USER_GROUP", "ROW_PERMISSION", "TENANT")),
            Map.entry("Type", List.of("MAX_COMPUTE")), Map.entry("ColumnType", List.of("STRING")),
            Map.entry("Operator", List.of("EQUAL")), Map.entry("ScopeType", List.of("SELECT_COLUMN")),
            Map.entry("AccountType", List.of("PERSONAL")), Map.entry("MappingColumnName", List.of("region")),
            Map.entry("ColumnName", List.of("region")), Map.entry("Key", List.of("endpoint")),
            Map.entry("Value", List.of("http://service.example:80/api")), Map.entry("Ip", List.of("10.1.0.2")),
            Map.entry("Port", List.of("5432")), Map.entry("Version", List.of("1.0")),
            Map.entry("ClusterUrlList", List.of("http://cluster.example:80")), Map.entry("Values", List.of("east")),
            Map.entry("StartDate", List.of("2026-01-01")), Map.entry("EndDate", List.of("2026-12-31")),
            Map.entry("StartBizDate", List.of("2026-01-01")), Map.entry("EndBizDate", List.of("2026-01-01")),
            Map.entry("Page", List.of(1)), Map.entry("PageNo", List.of(1)), Map.entry("PageNum", List.of(1)),
            Map.entry("PageNumber", List.of(1)), Map.entry("PageSize", List.of(100)),
            Map.entry("RoleList", List.of("COMMON_USER")), Map.entry("Status", List.of(1)), Map.entry("Directory", List.of("/")),
            Map.entry("OperatorType", List.of("SQL")), Map.entry("IntervalUnit", List.of("HOUR")),
            Map.entry("SchedulePeriod", List.of("DAILY")), Map.entry("PeriodType", List.of("CURRENT_PERIOD")),
            Map.entry("DependStrategy", List.of("ALL")), Map.entry("StartTime", List.of("08:00")), Map.entry("EndTime", List.of("20:00")),
            Map.entry("CronExpression", List.of("0 0 2 * * ?")), Map.entry("ComputeEngineType", List.of("MAX_COMPUTE")),
            Map.entry("ResourceType", List.of("PHYSICAL_TABLE")), Map.entry("Operate", List.of("SELECT")),
            Map.entry("OperateList", List.of("SELECT")), Map.entry("EffectiveEnd", List.of("4102444800000")),
            Map.entry("NodeBizType", List.of("SCRIPT")), Map.entry("NodeSubBizTypeList", List.of("VIRTUAL")),
            Map.entry("ObjectFrom", List.of("DATA_PROCESS")), Map.entry("ObjectType", List.of("FILE_ID")));

    /** Paths filled differently from their leaf's hint ({@code Action:Path}). */
    private static final Map<String, List<Object>> PATH_HINTS = Map.ofEntries(
            Map.entry("DeleteDataSource:DeleteCommand.Mode", List.of("DEV", "DEV_PROD")),
            Map.entry("CreateRowPermission:CreateRowPermissionCommand.Rules[].Expressions[].Type", List.of("RELATION")),
            Map.entry("UpdateRowPermission:UpdateRowPermissionCommand.Rules[].Expressions[].Type", List.of("RELATION")),
            Map.entry("AddProjectMember:AddCommand.UserList[].RoleList[]", List.of(2)),
            Map.entry("UpdateProjectMember:UpdateCommand.UserList[].RoleList[]", List.of(2)),
            Map.entry("CreateDirectory:CreateCommand.Category", List.of("tempCode", "codeManage")),
            Map.entry("GetDirectoryTree:Category", List.of("tempCode", "codeManage")),
            Map.entry("ListFiles:ListQuery.Category", List.of("tempCode", "codeManage")),
            Map.entry("ListFiles:ListQuery.Env", List.of("DEV", "PROD")),
            Map.entry("CreateResource:CreateCommand.ResourceType", List.of("JAR")),
            Map.entry("ListNodeDownStream:ListQuery.FilterList[].Key", List.of("PROJECT")),
            Map.entry("ListInstances:ListQuery.ScheduleType", List.of("NORMAL")),
            Map.entry("OperateInstance:OperateCommand.Operation", List.of("RERUN")),
            Map.entry("GetInstanceDownStream:RunStatus", List.of("SUCCESS")),
            Map.entry("ListAlertEvents:ListQuery.SourceSystem", List.of("ALL")),
            Map.entry("ListAlertEvents:ListQuery.AlertStartTime", List.of("2020-01-01 00:00:00")),
            Map.entry("ListAlertEvents:ListQuery.AlertEndTime", List.of("2099-01-01 00:00:00")),
            Map.entry("ListAlertNotifications:ListQuery.SourceSystem", List.of("ALL")),
            Map.entry("ListAlertNotifications:ListQuery.NotifyStartTime", List.of("2020-01-01 00:00:00")),
            Map.entry("ListAlertNotifications:ListQuery.NotifyEndTime", List.of("2099-01-01 00:00:00")));

    /** Optional parameters left out although they hold required fields ({@code Action:Path}): they would bypass the slot. */
    private static final Set<String> OMITTED = Set.of(
            "CreateDataSource:CreateCommand.ProdDataSourceCreate"); // with it, DevDataSourceCreate.ProdDataSourceId is not read

    /** Leaves filled with a fresh name on each call, so creations of the caller do not collide with each other. */
    private static final Set<String> FRESH_NAMES = Set.of("Name", "RowPermissionName", "RuleName");

    private final Operation operation;
    private final List<Slot> slots = new ArrayList<>();

    ProbeParameters(Operation operation) {
        this.operation = operation;
        for (Param param : operation.request()) collectSlots(param, param.name());
    }

    List<Slot> slots() {
        return slots;
    }

    /**
     * The probes of this operation by {@code caller} (its OpTenantId is {@code opTenantId}) aimed at {@code target}'s
     * objects. With no slot, the operation is probed once per alternative of its hinted values.
     */
    List<Probe> probes(SweepTenant target, SweepTenant caller, long opTenantId) {
        Map<Map<String, String>, String> byParams = new LinkedHashMap<>();
        List<Map<String, String>> assignments = new ArrayList<>();
        List<String> aims = new ArrayList<>();
        Map<String, String> allTarget = new LinkedHashMap<>();
        for (Slot slot : slots) firstOf(slot.candidates(target)).ifPresent(first -> allTarget.put(slot.path(), first));
        assignments.add(allTarget);
        aims.add("every slot the target's");
        for (Slot slot : slots) {
            for (String id : slot.candidates(target)) {
                Map<String, String> one = new LinkedHashMap<>();
                for (Slot other : slots) {
                    String own = other.kind() == IdKind.ANY || other.kind() == IdKind.NAME ? null : firstOf(other.candidates(caller)).orElse(null);
                    String value = other == slot ? id : own != null ? own : allTarget.get(other.path());
                    if (value != null) one.put(other.path(), value);
                }
                assignments.add(one);
                aims.add(slot.path() + "=" + id);
            }
        }
        int alternatives = alternativeCount();
        for (int a = 0; a < alternatives; a++) {
            for (int i = 0; i < assignments.size(); i++) {
                Map<String, String> params = new LinkedHashMap<>();
                for (Param param : operation.request()) {
                    JsonNode value = param.name().equals("OpTenantId")
                            ? NODES.numberNode(opTenantId) : fill(param, param.name(), assignments.get(i), a);
                    if (value != null) params.put(param.name(), wire(value));
                }
                byParams.putIfAbsent(params, aims.get(i) + (alternatives > 1 ? " (alternative " + (a + 1) + ")" : ""));
            }
        }
        List<Probe> probes = new ArrayList<>();
        byParams.forEach((params, aim) -> probes.add(new Probe(aim, params)));
        return probes;
    }

    private void collectSlots(Param param, String path) {
        IdKind.of(operation.action(), path).ifPresent(kind -> {
            // A list of ids is probed through its element ({@code UserIdList[]}); structures through their fields.
            if (param.type() != ParamType.OBJECT && param.type() != ParamType.ARRAY) slots.add(new Slot(path, kind, param.type()));
        });
        for (Param field : param.fields()) collectSlots(field, path + "." + field.name());
        if (param.items() != null) collectSlots(param.items(), path + "[]");
    }

    /** The value of one parameter, or {@code null} to leave it out. */
    private JsonNode fill(Param param, String path, Map<String, String> assignment, int alternative) {
        String assigned = assignment.get(path);
        boolean slot = slots.stream().anyMatch(s -> s.path().equals(path));
        if (slot && assigned == null) return null;
        if (OMITTED.contains(operation.action() + ":" + path)) return null;
        boolean wanted = param.required() || slot || holdsSlot(path) || hint(path, alternative) != null
                || FRESH_NAMES.contains(IdKind.leaf(path)) || param.hasRequiredFields();
        if (!wanted) return null;
        return switch (param.type()) {
            case OBJECT -> {
                ObjectNode object = NODES.objectNode();
                for (Param field : param.fields()) {
                    JsonNode value = fill(field, path + "." + field.name(), assignment, alternative);
                    if (value != null) object.set(field.name(), value);
                }
                yield object;
            }
            case ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                if (param.items().type() == ParamType.ARRAY) yield array; // e.g. SubConditions: nested conditions, none needed
                JsonNode element = param.items().type() == ParamType.OBJECT || param.items().type() == ParamType.ARRAY
                        ? fill(param.items(), path + "[]", assignment, alternative)
                        : scalar(param.items(), path + "[]", assigned != null ? assigned : assignment.get(path + "[]"), alternative);
                if (element != null) array.add(element);
                yield array;
            }
            case MAP, ANY -> NODES.objectNode();
            default -> scalar(param, path, assigned, alternative);
        };
    }

    private JsonNode scalar(Param param, String path, String assigned, int alternative) {
        if (assigned == null && slots.stream().anyMatch(s -> s.path().equals(path))) return null;
        Object value = assigned != null ? assigned : hint(path, alternative);
        if (value == null && FRESH_NAMES.contains(IdKind.leaf(path))) value = "sweep" + UNIQUE.incrementAndGet();
        if (value == null) {
            value = switch (param.type()) {
                case INTEGER, NUMBER -> 1;
                case BOOLEAN -> true;
                default -> "sweep";
            };
        }
        String text = String.valueOf(value);
        return switch (param.type()) {
            case INTEGER -> text.chars().allMatch(Character::isDigit) ? NODES.numberNode(Long.parseLong(text)) : NODES.stringNode(text);
            case BOOLEAN -> NODES.booleanNode(Boolean.parseBoolean(text));
            case NUMBER -> NODES.numberNode(Double.parseDouble(text));
            default -> NODES.stringNode(text);
        };
    }

    private boolean holdsSlot(String path) {
        return slots.stream().anyMatch(s -> s.path().startsWith(path + ".") || s.path().startsWith(path + "["));
    }

    private Object hint(String path, int alternative) {
        List<Object> values = PATH_HINTS.getOrDefault(operation.action() + ":" + path, HINTS.get(IdKind.leaf(path)));
        return values == null ? null : values.get(Math.min(alternative, values.size() - 1));
    }

    private int alternativeCount() {
        int most = 1;
        List<String> paths = new ArrayList<>();
        for (Param param : operation.request()) allPaths(param, param.name(), paths);
        for (String path : paths) {
            List<Object> values = PATH_HINTS.getOrDefault(operation.action() + ":" + path, HINTS.get(IdKind.leaf(path)));
            if (values != null) most = Math.max(most, values.size());
        }
        return most;
    }

    private static void allPaths(Param param, String path, List<String> into) {
        into.add(path);
        for (Param field : param.fields()) allPaths(field, path + "." + field.name(), into);
        if (param.items() != null) allPaths(param.items(), path + "[]", into);
    }

    private static java.util.Optional<String> firstOf(List<String> values) {
        return values.stream().findFirst();
    }

    private static String wire(JsonNode value) {
        return value.isValueNode() ? value.asString() : RpcJson.MAPPER.writeValueAsString(value);
    }

    /** Every string sent in a probe (top-level values and those inside JSON), so an echo is not taken for a leak. */
    static Set<String> sentValues(Map<String, String> params) {
        Set<String> sent = new LinkedHashSet<>();
        for (String value : params.values()) {
            sent.add(value);
            if (value.startsWith("{") || value.startsWith("[")) collect(RpcJson.MAPPER.readTree(value), sent);
        }
        return sent;
    }

    private static void collect(JsonNode node, Set<String> into) {
        if (node.isValueNode()) into.add(node.asString());
        for (JsonNode child : node) collect(child, into);
    }
}
