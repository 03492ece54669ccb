package dev.sluice.catalog;

import java.util.Map;

/** Maps the catalog's module names to the server package that implements them. */
final class ModuleDomains {

    private static final Map<String, String> PACKAGE_BY_MODULE = Map.of(
            "Platform management", "platform",
            "Data development", "develop",
            "O&M center", "operations",
            "Data permissions", "permission",
            "Data asset", "asset",
            "Data service", "dataservice",
            "Open platform", "metering");

    private ModuleDomains() {
    }

    static String packageOf(String module) {
        String domain = PACKAGE_BY_MODULE.get(module);
        if (domain == null) throw new IllegalArgumentException("no domain package for module '" + module + "'");
        return domain;
    }
}
