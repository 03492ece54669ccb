package dev.sluice.platform.internal;

import java.util.Optional;

import dev.sluice.platform.SourceOwners;

/** {@link SourceOwners} over the table of one kind of saved source; each kind's feature declares it as a bean. */
public abstract class SavedSourceOwners implements SourceOwners {

    private final Kind kind;
    private final SavedSource.Rows<?> rows;

    protected SavedSourceOwners(Kind kind, SavedSource.Rows<?> rows) {
        this.kind = kind;
        this.rows = rows;
    }

    @Override
    public final Kind kind() {
        return kind;
    }

    @Override
    public final Optional<OwnedSource> byName(long tenantId, String name) {
        return rows.byName(tenantId, name).map(this::owned);
    }

    @Override
    public final Optional<OwnedSource> byId(long tenantId, long id) {
        return rows.find(tenantId, id).map(this::owned);
    }

    private OwnedSource owned(SavedSource source) {
        return new OwnedSource(kind, source.id(), source.name(), source.ownerUserId());
    }
}
