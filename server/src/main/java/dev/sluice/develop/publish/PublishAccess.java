package dev.sluice.develop.publish;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.sluice.develop.tree.DevAccess;
import dev.sluice.dispatch.Access;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.DisplayTime;
import dev.sluice.platform.project.Env;
import dev.sluice.platform.project.Project;
import dev.sluice.platform.project.ProjectRole;
import dev.sluice.platform.project.ProjectRoles;
import dev.sluice.platform.project.Projects;
import dev.sluice.protocol.PopErrors;

/**
 * Who sees and who publishes a project's submits: its members read them; its administrators and O&M engineers (or
 * super administrators) publish, since publishing changes what production runs.
 */
@Component
class PublishAccess {

    private static final DateTimeFormatter WIRE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final DevAccess devAccess;
    private final Access access;
    private final Projects projects;
    private final ProjectRoles roles;
    private final DisplayTime time;

    PublishAccess(DevAccess devAccess, Access access, Projects projects, ProjectRoles roles, DisplayTime time) {
        this.devAccess = devAccess;
        this.access = access;
        this.projects = projects;
        this.roles = roles;
        this.time = time;
    }

    /** The projects listed, each one the caller may read (an unknown or another tenant's is not found). */
    List<Long> readable(Caller caller, List<Long> projectIds, String path) {
        if (projectIds == null || projectIds.isEmpty()) throw PopErrors.missingParameter(path).exception();
        Set<Long> ids = new LinkedHashSet<>(projectIds);
        List<Long> out = new ArrayList<>();
        for (Long id : ids) {
            if (id == null) throw PopErrors.invalidParameter(path, "a project id is not null").exception();
            out.add(devAccess.reader(caller, id, Env.DEV).id());
        }
        return out;
    }

    /** The project, if the caller may publish its submits. */
    Project publisher(Caller caller, long projectId) {
        Project project = projects.require(caller.tenant().id(), projectId);
        access.require(caller, () -> access.isSuperAdmin(caller) || roles.of(project, Env.PROD, caller.user().id()).stream()
                        .anyMatch(r -> r == ProjectRole.PROJECT_ADMIN || r == ProjectRole.OPERATOR),
                "project '" + project.name() + "'", "its administrators and O&M engineers or by super administrators");
        return project;
    }

    /** A {@code yyyy-MM-dd HH:mm:ss} time in the display zone as epoch millis, or null when absent. */
    Long millis(String text, String path) {
        if (text == null || text.isBlank()) return null;
        try {
            return LocalDateTime.parse(text.trim(), WIRE_TIME).atZone(time.zone()).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            throw PopErrors.invalidParameter(path, "'" + PopErrors.excerpt(text) + "' is not a time as yyyy-MM-dd HH:mm:ss").exception();
        }
    }
}
