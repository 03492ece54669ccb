/**
 * Projects of a tenant: created by the operator, then read, listed, staffed (members with project roles) and
 * whitelisted through the API. Public here: {@link dev.sluice.platform.project.Projects} and the extension points
 * {@link dev.sluice.platform.project.ProjectDependencies} and {@link dev.sluice.platform.project.ComputeSourceDirectory}.
 */
@org.springframework.modulith.NamedInterface("project")
package dev.sluice.platform.project;
