/**
 * Resources (uploaded files, e.g. a UDF's JAR) and UDFs, versioned objects of the {@code resourceManage} and
 * {@code udfResource} trees. Named interface {@code resource} for the runner side: {@link
 * dev.sluice.develop.resource.UdfRuns} (whether a UDF can run on an engine) and {@link
 * dev.sluice.develop.resource.UdfErrors} ({@code UnsupportedOperation.UdfEngine}).
 */
@org.springframework.modulith.NamedInterface("resource")
package dev.sluice.develop.resource;
