package dev.sluice;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The package-by-feature picture stays true: no cycles, no reaching into another module's internals. */
class ModularityTests {

    @Test
    void moduleBoundariesHold() {
        ApplicationModules.of(SluiceApplication.class).verify();
    }
}
