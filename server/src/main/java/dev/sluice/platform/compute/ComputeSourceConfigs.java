package dev.sluice.platform.compute;

import org.springframework.stereotype.Component;

import dev.sluice.platform.internal.SavedSourceConfigs;
import dev.sluice.platform.source.ConfigItemStore;
import dev.sluice.platform.source.SourceKind;

/** The saved compute sources with their configuration, for {@link dev.sluice.platform.source.SourceConnections}. */
@Component
class ComputeSourceConfigs extends SavedSourceConfigs {

    ComputeSourceConfigs(ComputeSourceStore store, ConfigItemStore items) {
        super(SourceKind.COMPUTE, store, items);
    }
}
