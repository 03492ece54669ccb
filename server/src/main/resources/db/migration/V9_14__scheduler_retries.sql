-- Retries of failed scheduler attempts (sluice.scheduler.retry.*). An instance counts, since it was generated or last
-- rerun, its attempts that failed (failures) and those lost with their server node (losses); a retry waits until
-- retry_at. The runner marks a run it failed because its node stopped beating its heart (node_lost), so the scheduler
-- tells such a loss from a failure of the SQL. Portable SQL for H2 and PostgreSQL.

alter table sched_instance add column failures integer default 0 not null;
alter table sched_instance add column losses integer default 0 not null;
alter table sched_instance add column retry_at bigint;
alter table sql_run add column node_lost boolean default false not null;
