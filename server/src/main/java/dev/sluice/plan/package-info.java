/**
 * Plans: editions, QPS and daily caps, free quota, price.
 * <p>{@code allowedDependencies}: the modules this one may use, checked by {@code ModularityTests}; a new one is a
 * decision, also written in the README's layout table.
 */
@ApplicationModule(allowedDependencies = {"catalog"})
package dev.sluice.plan;

import org.springframework.modulith.ApplicationModule;
