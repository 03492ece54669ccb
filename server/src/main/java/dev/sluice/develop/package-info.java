/**
 * The Data development operations: the directory tree and its files (one store that batch tasks, resources and
 * pipelines reuse), ad hoc files and ad hoc runs (on the shared {@link dev.sluice.runner} SQL runner), and upload credentials for
 * file storage ({@link dev.sluice.storage}).
 * <p>{@code allowedDependencies}: the modules this one may use, checked by {@code ModularityTests}; a new one is a
 * decision, also written in the README's layout table.
 */
@ApplicationModule(allowedDependencies = {"account", "dispatch", "protocol", "system", "runner", "platform", "platform :: project",
        "platform :: datasource", "permission", "storage"})
package dev.sluice.develop;

import org.springframework.modulith.ApplicationModule;
