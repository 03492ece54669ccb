/**
 * Accounts, their users and access keys. Uses: plan, system.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"plan", "system"})
package dev.sluice.account;
