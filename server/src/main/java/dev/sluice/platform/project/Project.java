package dev.sluice.platform.project;

/**
 * A project. {@code computeSourceId} serves production, and the only environment of a BASIC project;
 * {@code devComputeSourceId} serves development of a DEV_PROD project.
 */
public record Project(long id, long tenantId, String name, String displayName, String description, ProjectMode mode,
                      String type, String namespaceTag, Long bizUnitId, long ownerUserId, long produceUserId,
                      Long computeSourceId, Long devComputeSourceId, Long streamComputeSourceId, long createdAt, long modifiedAt) {

    /** The compute source an environment runs on, or null when none is bound. */
    public Long computeSourceFor(Env env) {
        return mode == ProjectMode.DEV_PROD && env == Env.DEV ? devComputeSourceId : computeSourceId;
    }

    /** Where members of {@code env} are kept: BASIC projects have a single environment, kept as PROD. */
    public Env memberEnv(Env env) {
        return mode == ProjectMode.BASIC ? Env.PROD : env;
    }

    /** The environment as permission records name it: null for a project without separate environments. */
    public String permissionEnv(Env env) {
        return mode == ProjectMode.BASIC ? null : env.name();
    }
}
