-- A value sealed with the master key by the first node to start, so that a node started with another key (a cluster
-- node without the shared SLUICE_MASTER_KEY, or a data directory whose master.key was lost) refuses to start instead
-- of failing every signature of secrets it cannot open.
create table master_key_check (
    id     smallint      primary key,
    sealed varchar(512)  not null
);
