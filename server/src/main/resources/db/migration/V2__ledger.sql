-- The call ledger (the truth every counter and every figure is derived from), its daily rollups, monthly bills,
-- and db-scheduler's task table. Portable SQL: the same script runs on H2 (embedded) and PostgreSQL (cluster).

-- One row per call: admitted calls count and may be billable; refused calls keep their refusal code for display.
-- The request id is the key, so a call can never be recorded twice. No other index: every read of usage goes to the
-- rollups, and each index would cost every admitted call its update.
create table call_ledger (
    request_id    varchar(64)  primary key,
    account_id    bigint       not null,
    user_id       bigint       not null,
    access_key_id varchar(64)  not null,
    action        varchar(128) not null,
    level         smallint     not null,
    op_type       varchar(8)   not null,
    called_at     bigint       not null,
    call_day           date         not null,
    admitted      boolean      not null,
    billable      boolean      not null,
    outcome_code  varchar(128) not null,
    http_status   integer      not null,
    latency_ms    bigint       not null,
    refused_by    varchar(64)
);

-- Admitted calls per account, day (in sluice.zone), action and user: written in the same transaction as the ledger
-- rows, so rollups and ledger never disagree. Level and type are the catalog's, kept so usage needs no catalog join.
create table usage_daily (
    account_id bigint       not null,
    call_day        date         not null,
    action     varchar(128) not null,
    user_id    bigint       not null,
    level      smallint     not null,
    op_type    varchar(8)   not null,
    calls      bigint       not null,
    billable   bigint       not null,
    primary key (account_id, call_day, action, user_id)
);

-- Refused calls per account, day and refusal code (Throttling.User, DailyLimitExceeded, Forbidden.RAM, ...).
create table refusal_daily (
    account_id bigint       not null,
    call_day        date         not null,
    code       varchar(128) not null,
    calls      bigint       not null,
    primary key (account_id, call_day, code)
);

-- A bill per account and closed month (yyyy-MM), written once by the month-closing job.
create table monthly_bill (
    account_id     bigint         not null,
    bill_month varchar(7)     not null,
    plan           varchar(32)    not null,
    calls          bigint         not null,
    free_calls     bigint         not null,
    billable_calls bigint         not null,
    price_per_10k  decimal(12, 4) not null,
    amount         decimal(14, 2) not null,
    currency       varchar(3)     not null,
    closed_at      bigint         not null,
    primary key (account_id, bill_month)
);

-- db-scheduler's table (durable, cluster-safe jobs), in types both H2 and PostgreSQL accept.
create table scheduled_tasks (
    task_name            varchar(255)             not null,
    task_instance        varchar(255)             not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            varchar(255),
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index scheduled_tasks_execution_time on scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat on scheduled_tasks (last_heartbeat);
create index scheduled_tasks_priority_time on scheduled_tasks (priority desc, execution_time asc);
