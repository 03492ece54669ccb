-- The compute source Sluice manages itself (a DuckDB file in its data directory, or a schema of the cluster's
-- PostgreSQL with a login role of its own): reached without the rules for tenants' URLs, its connection never changed by users.
alter table compute_source add column managed boolean default false not null;
