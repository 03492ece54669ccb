package dev.sluice.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every operation the API declares, loaded once and never changed afterwards: the 211 operations of the Dataphin
 * contract (generated {@code catalog/operations.json}) followed by Sluice's own Open Platform operations
 * ({@code catalog/sluice-operations.json}: usage, call details and bills of the caller's account). Every string
 * parameter carries its {@link TextRule} from the hand-kept {@code catalog/text-rules.txt}, and an enum-like one its
 * {@link AllowedValues}, like an integer its {@link IntegerRange}, from {@code catalog/value-rules.txt}.
 */
public final class Catalog {

    static final String RESOURCE = "catalog/operations.json";
    static final String OWN_RESOURCE = "catalog/sluice-operations.json";

    private final List<Operation> contract;
    private final List<Operation> operations;
    private final Map<String, Operation> byAction;

    Catalog(List<Operation> contract, List<Operation> own) {
        this.contract = List.copyOf(contract);
        this.operations = java.util.stream.Stream.concat(contract.stream(), own.stream()).toList();
        Map<String, Operation> index = new LinkedHashMap<>();
        for (Operation op : this.operations) {
            if (index.putIfAbsent(op.action(), op) != null) {
                throw new IllegalArgumentException("action '" + op.action() + "' is declared twice");
            }
        }
        this.byAction = Map.copyOf(index);
    }

    public static Catalog load() {
        TextRules texts = TextRules.readResource(TextRules.RESOURCE);
        ValueRules values = ValueRules.readResource(ValueRules.RESOURCE);
        Catalog catalog = new Catalog(CatalogReader.readResource(RESOURCE, texts, values),
                CatalogReader.readResource(OWN_RESOURCE, texts, values));
        texts.requireAllUsed();
        values.requireAllUsed();
        return catalog;
    }

    /** The operations of the Dataphin 2023-06-30 contract, in contract order (211). */
    public List<Operation> contract() {
        return contract;
    }

    /** The operation named exactly {@code action}; action names are case-sensitive on the wire. */
    public Optional<Operation> find(String action) {
        return Optional.ofNullable(action).map(byAction::get);
    }

    /** All operations: the contract's, then Sluice's own. */
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
