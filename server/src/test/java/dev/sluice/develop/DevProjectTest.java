package dev.sluice.develop;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.sluice.account.AccountAdmin;
import dev.sluice.platform.project.Projects;

/**
 * The start of the development server tests: each test gets its own account with one project ({@link DevFixture}),
 * so tests sharing the cached server stay independent. Subclasses carry {@code @SluiceServerTest}.
 */
public abstract class DevProjectTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected AccountAdmin admin;

    @Autowired
    protected Projects projects;

    protected DevFixture d;

    @BeforeEach
    void freshProject() {
        d = DevFixture.create(port, admin, projects);
    }
}
