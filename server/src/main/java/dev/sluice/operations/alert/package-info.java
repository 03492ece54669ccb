/**
 * Alerts of the O&M center: rules on production nodes (failure, timeout, not finished by a time of day), the events
 * they raise (one per occurrence across the cluster, quota alerts of the account among them), and their delivery by
 * e-mail and webhook. Rules are managed with {@code ./sluice admin alert}, the one use of this package from outside.
 */
@org.springframework.modulith.NamedInterface("alert")
package dev.sluice.operations.alert;
