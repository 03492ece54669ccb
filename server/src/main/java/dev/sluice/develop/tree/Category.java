package dev.sluice.develop.tree;

import java.util.Arrays;
import java.util.Optional;

import dev.sluice.protocol.PopErrors;

/**
 * The menu tree categories of the contract: each project has one tree per category. Ad hoc queries are personal
 * scratch files, as in Dataphin: each user has an own {@link #TEMP_CODE} tree that nobody else sees.
 */
public enum Category {
    TEMP_CODE("tempCode", "Ad hoc queries", true),
    CODE_MANAGE("codeManage", "Code tasks", false),
    OFFLINE_PIPELINE("offlinePipeline", "Offline pipelines", false),
    OFFLINE_PIPELINE_CUSTOM_PLUGIN("offlinePipelineCustomPlugin", "Pipeline custom components", false),
    DATA_X("dataX", "Sync tasks", false),
    STREAM_META("streamMeta", "Real-time meta tables", false),
    STREAM_CUSTOM_DATA_SOURCE("streamCustomDataSource", "Real-time custom sources", false),
    STREAM_TEMPLATE("streamTemplate", "Real-time compute templates", false),
    RESOURCE_MANAGE("resourceManage", "Resources", false),
    UDF_RESOURCE("udfResource", "Offline functions", false),
    STREAM_FUNCTION("streamFunction", "Real-time functions", false);

    private final String wire;
    private final String displayName;
    private final boolean personal;

    Category(String wire, String displayName, boolean personal) {
        this.wire = wire;
        this.displayName = displayName;
        this.personal = personal;
    }

    /** The name on the wire and in the database, e.g. {@code tempCode}. */
    public String wire() {
        return wire;
    }

    /** How the tree's root is named in a directory tree. */
    public String displayName() {
        return displayName;
    }

    /** Whether each user has an own tree of this category (ad hoc queries) instead of one per project. */
    public boolean personal() {
        return personal;
    }

    public static Optional<Category> find(String wire) {
        return Arrays.stream(values()).filter(c -> c.wire.equals(wire)).findFirst();
    }

    /** The category named exactly {@code wire} (the catalog's value rules refuse others first); refused at {@code path}. */
    public static Category parse(String wire, String path) {
        if (wire == null || wire.isBlank()) throw PopErrors.missingParameter(path).exception();
        return find(wire).orElseThrow(() -> PopErrors.invalidParameter(path, "unknown category '" + wire + "'; one of "
                + Arrays.stream(values()).map(Category::wire).toList()).exception());
    }
}
