/**
 * The group-commit ledger, daily rollups, usage figures, monthly bills, the usage operations, and the one CSV
 * writer ({@link dev.sluice.metering.CsvWriter}).
 * <p>{@code allowedDependencies}: the modules this one may use, checked by {@code ModularityTests}; a new one is a
 * decision, also written in the README's layout table.
 */
@ApplicationModule(allowedDependencies = {"account", "catalog", "dispatch", "plan", "protocol"})
package dev.sluice.metering;

import org.springframework.modulith.ApplicationModule;
