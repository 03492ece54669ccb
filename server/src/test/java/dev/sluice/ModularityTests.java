package dev.sluice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The package-by-feature picture stays true: no cycles, no reaching into another module's internals, and no use of a
 * module that the user's {@code package-info.java} does not declare in {@code allowedDependencies}.
 */
class ModularityTests {

    private static final ApplicationModules MODULES = ApplicationModules.of(SluiceApplication.class);

    @Test
    void moduleBoundariesHold() {
        MODULES.verify();
    }

    /** A module without the declaration would be open to every other one, so a new module must declare it too. */
    @Test
    void everyServerModuleDeclaresWhatItMayUse() {
        MODULES.stream()
                // The wire module (its own Maven module, plain Java) uses no other module and cannot name Modulith.
                .filter(module -> !module.getBasePackage().getName().equals("dev.sluice.protocol"))
                .forEach(module -> assertThat(module.getBasePackage().getAnnotation(ApplicationModule.class))
                        .as(module.getBasePackage().getName() + "/package-info.java declares @ApplicationModule")
                        .hasValueSatisfying(declared -> assertThat(declared.allowedDependencies())
                                .as(module.getBasePackage().getName() + " declares its allowedDependencies")
                                .doesNotContain(ApplicationModule.OPEN_TOKEN)));
    }
}
