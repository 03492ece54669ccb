package dev.sluice.platform.datasource;

import org.springframework.stereotype.Component;

import dev.sluice.platform.internal.SavedSourceOwners;

/** Data sources for data permissions; a development source is its own object, with its own name and owner. */
@Component
class DataSourceOwners extends SavedSourceOwners {

    DataSourceOwners(DataSourceStore store) {
        super(Kind.DATA, store);
    }
}
