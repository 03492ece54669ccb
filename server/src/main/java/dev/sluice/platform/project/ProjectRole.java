package dev.sluice.platform.project;

import java.util.Arrays;
import java.util.Optional;

/** The roles a member can hold in a project, with the numbers the API uses for them. */
public enum ProjectRole {
    PROJECT_ADMIN(1), DEVELOPER(2), VISITOR(3), ANALYST(4), OPERATOR(5);

    private final int id;

    ProjectRole(int id) {
        this.id = id;
    }

    public int id() {
        return id;
    }

    public static Optional<ProjectRole> of(int id) {
        return Arrays.stream(values()).filter(r -> r.id == id).findFirst();
    }
}
