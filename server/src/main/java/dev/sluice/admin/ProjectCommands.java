package dev.sluice.admin;

import dev.sluice.platform.project.Project;
import dev.sluice.platform.project.ProjectDraft;
import dev.sluice.platform.project.ProjectMode;
import dev.sluice.platform.project.Projects;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./sluice admin project ...}: projects are created here, as the API has no operation for it. */
@Command(name = "project", description = "Projects: create, list (the API has no operation to create one).", mixinStandardHelpOptions = true)
final class ProjectCommands {

    private final Projects projects;

    ProjectCommands(Projects projects) {
        this.projects = projects;
    }

    @Command(name = "create", description = "Create a project; its owner becomes its administrator.")
    int create(@Option(names = "--tenant", required = true) long tenant,
               @Option(names = "--name", required = true, description = "letters, digits, underscores; starts with a letter") String name,
               @Option(names = "--owner", required = true, description = "user id of the owner") long owner,
               @Option(names = "--display-name") String displayName,
               @Option(names = "--description") String description,
               @Option(names = "--mode", defaultValue = "BASIC", description = "BASIC or DEV_PROD") ProjectMode mode,
               @Option(names = "--type", description = "GENERAL (default) or DISTILL") String type,
               @Option(names = "--tag", description = "namespace tag: GENERAL (default), PUBLIC, APPLICATION, BASE") String tag,
               @Option(names = "--produce-user", description = "user id production runs as; the owner by default") Long produceUser,
               @Option(names = "--compute-source", description = "compute source id of production (of the only environment in BASIC)") Long computeSource,
               @Option(names = "--dev-compute-source", description = "compute source id of development (DEV_PROD only)") Long devComputeSource,
               @Option(names = "--stream-compute-source", description = "compute source id of real-time compute") Long streamComputeSource) {
        Project p = projects.create(new ProjectDraft(tenant, name, displayName, description, mode, type, tag, null, owner, produceUser,
                computeSource, devComputeSource, streamComputeSource));
        System.out.println("ProjectId: " + p.id());
        System.out.println("Name: " + p.name());
        System.out.println("Mode: " + p.mode());
        return 0;
    }

    @Command(name = "list", description = "List a tenant's projects.")
    int list(@Option(names = "--tenant", required = true) long tenant) {
        System.out.printf("%-12s %-24s %-9s %-12s %s%n", "ID", "NAME", "MODE", "OWNER", "COMPUTE SOURCE");
        for (Project p : projects.all(tenant)) {
            System.out.printf("%-12d %-24s %-9s %-12d %s%n", p.id(), p.name(), p.mode(), p.ownerUserId(),
                    p.computeSourceId() == null ? "-" : p.computeSourceId());
        }
        return 0;
    }
}
