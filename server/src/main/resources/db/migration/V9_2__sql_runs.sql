-- SQL runs (ad hoc runs now; batch tasks and data services later): one row per run, one per statement of it, with the
-- statement's log and, for a query, its result as JSON text. Kept in the server's database so every node of a cluster
-- answers for a run that another node executes. The executing node (node_id) beats its heart in heartbeat_at; a stop
-- asked on another node sets cancel_requested, which the executing node polls. Rows go after sluice.runner.retention.
create table sql_run (
    run_id           varchar(64)  primary key,
    tenant_id        bigint       not null,
    user_id          bigint       not null,
    project_id       bigint,
    env              varchar(8),
    source_kind      varchar(8)   not null,
    source_id        bigint       not null,
    dialect          varchar(16)  not null,
    state            varchar(16)  not null,
    subtask_count    integer      not null,
    node_id          varchar(64)  not null,
    cancel_requested boolean      not null,
    created_at       bigint       not null,
    started_at       bigint       not null,
    finished_at      bigint       not null,
    heartbeat_at     bigint       not null
);
create index sql_run_node on sql_run (node_id, state);
create index sql_run_created on sql_run (created_at);

-- log and result are bounded by sluice.runner.max-log-chars and max-result-chars; text holds either on H2 and PostgreSQL.
create table sql_run_subtask (
    run_id      varchar(64) not null,
    subtask_id  integer     not null,
    state       varchar(16) not null,
    statement   text        not null,
    log         text        not null,
    has_result  boolean     not null,
    result      text,
    started_at  bigint      not null,
    finished_at bigint      not null,
    primary key (run_id, subtask_id)
);
