package dev.sluice.security;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The kinds of object a request parameter can name, and which parameter names which kind. The cross-tenant sweep
 * fills every parameter of a kind with the other tenant's objects of that kind; an id-like parameter this table does
 * not know is filled with every object of every kind ({@link #ANY}), so a new operation is probed without any change
 * here (only less sharply).
 */
enum IdKind {
    PROJECT, COMPUTE_SOURCE, DATA_SOURCE, USER_GROUP, USER, ROW_PERMISSION, ROW_RULE, TRANSFER, SOURCE_ID, TABLE,
    /** A directory or file of a development tree (a versioned object's id is its file's). */
    FILE,
    /** A submit of a versioned object, waiting for publishing or published. */
    SUBMIT,
    /** A scheduling node of a published task ({@code n_<FileId>}). */
    NODE,
    /** Free-text lookups and filters (names, keywords): filled with the other tenant's names. */
    NAME,
    /** An id-like parameter of no known kind: every id of every kind is tried. */
    ANY;

    /** Leaf names (the last segment of a parameter path, without {@code []}) and the kind they name. */
    private static final Map<String, IdKind> BY_LEAF = Map.ofEntries(
            Map.entry("ProjectId", PROJECT),
            Map.entry("ComputeSourceId", COMPUTE_SOURCE),
            Map.entry("DataSourceId", DATA_SOURCE), Map.entry("ProdDataSourceId", DATA_SOURCE),
            Map.entry("UserGroupId", USER_GROUP), Map.entry("UserGroupIdList", USER_GROUP),
            Map.entry("UserId", USER), Map.entry("UserIdList", USER), Map.entry("AdminUserIdList", USER),
            Map.entry("AdminIdList", USER), Map.entry("OwnerList", USER), Map.entry("OldOwner", USER), Map.entry("NewOwner", USER),
            Map.entry("AccountId", USER),
            Map.entry("RowPermissionId", ROW_PERMISSION), Map.entry("RuleIds", ROW_RULE),
            Map.entry("ProposalId", TRANSFER),
            Map.entry("SourceId", SOURCE_ID),
            Map.entry("TableGuids", TABLE), Map.entry("ResourceId", TABLE),
            Map.entry("FileId", FILE), Map.entry("ObjectId", FILE), Map.entry("SubmitIdList", SUBMIT),
            Map.entry("NodeId", NODE), Map.entry("NodeIdList", NODE), Map.entry("OutputName", NAME),
            Map.entry("RefResourceIdList", FILE),
            Map.entry("ProjectIdList", PROJECT),
            Map.entry("Keyword", NAME), Map.entry("SearchText", NAME));

    /** Whole paths ({@code Action:Path}) whose leaf alone says too little. */
    private static final Map<String, IdKind> BY_PATH = Map.of(
            "ListRowPermissionByUserId:ListRowPermissionByUserIdQuery.Operator", USER,
            "AddTenantMembers:AddCommand.UserList[].Id", USER,
            "RetryTransferOwnership:PrivilegeTransferRecord.Id", TRANSFER,
            "GetProjectByName:Name", NAME,
            "ListDataSourceWithConfig:ListQuery.Name", NAME,
            "GetNodeUpDownStream:NodeId.Id", NODE,
            "ListNodeDownStream:ListQuery.NodeIdList[].Id", NODE,
            "CreateNodeSupplement:CreateCommand.NodeIdList[].Id", NODE);

    /** Any other name that ends like an identifier is an id of unknown kind. */
    private static final Pattern ID_LIKE = Pattern.compile(".*(Id|ID|Ids|IdList|Guid|Guids)");

    /**
     * The kind a parameter names, if it names one. {@code OpTenantId} is not a kind: it is always the caller's own
     * tenant (and probed on its own).
     *
     * @param path the parameter's path, list items written {@code []}, e.g. {@code AddCommand.UserList[].Id}
     */
    static Optional<IdKind> of(String action, String path) {
        if (path.equals("OpTenantId")) return Optional.empty();
        IdKind exact = BY_PATH.get(action + ":" + path);
        if (exact != null) return Optional.of(exact);
        String leaf = leaf(path);
        IdKind known = BY_LEAF.get(leaf);
        if (known != null) return Optional.of(known);
        if (leaf.equals("Id")) {
            // A bare Id names the object the operation is about, which its name says: GetProject, DeleteComputeSource...
            for (Map.Entry<String, IdKind> noun : BY_NOUN.entrySet()) if (action.contains(noun.getKey())) return Optional.of(noun.getValue());
        }
        return ID_LIKE.matcher(leaf).matches() ? Optional.of(ANY) : Optional.empty();
    }

    /** The object an action's name is about, for its bare {@code Id} parameters (longest nouns first). */
    private static final Map<String, IdKind> BY_NOUN = new java.util.LinkedHashMap<>();

    static {
        BY_NOUN.put("RowPermission", ROW_PERMISSION);
        BY_NOUN.put("Resource", FILE); // resources and UDFs are versioned objects: their ids are their files'
        BY_NOUN.put("Udf", FILE);
        BY_NOUN.put("ComputeSource", COMPUTE_SOURCE);
        BY_NOUN.put("DataSource", DATA_SOURCE);
        BY_NOUN.put("UserGroup", USER_GROUP);
        BY_NOUN.put("Project", PROJECT);
    }

    /** Whether a field of an answer, by its name, holds an id (so an id of the other tenant there is a leak). */
    static boolean isIdField(String name) {
        return BY_LEAF.containsKey(name) && BY_LEAF.get(name) != NAME || ID_LIKE.matcher(name).matches()
                || name.equals("Owner") || name.equals("Creator") || name.equals("Operator");
    }

    static String leaf(String path) {
        String last = path.substring(path.lastIndexOf('.') + 1);
        return last.replace("[]", "");
    }
}
