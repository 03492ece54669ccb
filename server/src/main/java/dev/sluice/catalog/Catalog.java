package dev.sluice.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every operation the API declares, loaded once from the generated {@code catalog/operations.json} resource and
 * never changed afterwards.
 */
public final class Catalog {

    static final String RESOURCE = "catalog/operations.json";

    private final List<Operation> operations;
    private final Map<String, Operation> byAction;

    Catalog(List<Operation> operations) {
        this.operations = List.copyOf(operations);
        Map<String, Operation> index = new LinkedHashMap<>();
        for (Operation op : this.operations) {
            if (index.putIfAbsent(op.action(), op) != null) {
                throw new IllegalArgumentException("action '" + op.action() + "' is declared twice");
            }
        }
        this.byAction = Map.copyOf(index);
    }

    public static Catalog load() {
        return new Catalog(CatalogReader.readResource(RESOURCE));
    }

    /** The operation named exactly {@code action}; action names are case-sensitive on the wire. */
    public Optional<Operation> find(String action) {
        return Optional.ofNullable(action).map(byAction::get);
    }

    /** All operations in catalog order. */
    public List<Operation> all() {
        return operations;
    }

    /** The operations of one catalog module (e.g. "Data development"), in catalog order. */
    public List<Operation> byModule(String module) {
        return operations.stream().filter(op -> op.module().equals(module)).toList();
    }

    public int size() {
        return operations.size();
    }
}
