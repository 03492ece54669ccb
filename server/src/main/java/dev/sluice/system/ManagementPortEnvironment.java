package dev.sluice.system;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Serves the actuator (Prometheus scrape, info) on a port of its own unless {@code management.server.port} is set: the
 * server's port + 1000 (9080 next to 8080), or a random one when the server's is random (tests). A fixed default such
 * as 8081 would collide with a second node on the same machine; derived from the server's port, nodes on 8081-8083 get
 * 9081-9083. {@code application.yml} binds that port to the loopback address, so only the machine itself scrapes.
 */
public final class ManagementPortEnvironment implements EnvironmentPostProcessor, Ordered {

    static final int OFFSET = 1000;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getProperty("management.server.port") != null) return;
        int server = environment.getProperty("server.port", Integer.class, 8080);
        if (server <= 0) {
            set(environment, 0);
        } else if (server + OFFSET <= 65535) {
            set(environment, server + OFFSET);
        } else {
            throw new IllegalStateException("server.port " + server + " leaves no room for the management port at +" + OFFSET
                    + ": set management.server.port (MANAGEMENT_SERVER_PORT)");
        }
    }

    private static void set(ConfigurableEnvironment environment, int port) {
        environment.getPropertySources().addLast(new MapPropertySource("sluiceManagementPort",
                Map.of("management.server.port", Integer.toString(port))));
    }

    /** After the configuration files are read, so {@code server.port} from application.yml or SERVER_PORT is known. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
