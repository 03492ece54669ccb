/**
 * The one versioned object store of data development ({@link dev.sluice.develop.version.VersionedObjects}): every
 * development object (batch tasks now; resources, functions and pipelines later) is a file of a development tree with
 * a draft edited freely, immutable versions frozen at submit, submit and publish records, and a production node (the
 * version in production). Public to the rest of the module and to other modules as the {@code version} named
 * interface: {@link dev.sluice.develop.version.VersionedObjects}, {@link dev.sluice.develop.version.DevObject},
 * {@link dev.sluice.develop.version.ObjectVersion}, {@link dev.sluice.develop.version.SubmitRecord},
 * {@link dev.sluice.develop.version.PublishRecord}, {@link dev.sluice.develop.version.ChangeType},
 * {@link dev.sluice.develop.version.SubmitStatus}, {@link dev.sluice.develop.version.PublishOutcome} and the extension
 * point {@link dev.sluice.develop.version.PublishGuard}.
 */
@org.springframework.modulith.NamedInterface("version")
package dev.sluice.develop.version;
