-- The Open Platform console: who may sign in to it, and quota alerts (80 % and 100 % of a quota or cap).
-- Portable SQL: the same script runs on H2 (embedded) and PostgreSQL (cluster). Times are epoch milliseconds.

-- A console sign-in per user. The login name is "<user>@<account>", unique across accounts (user names are only
-- unique within one). The hash is Spring Security's DelegatingPasswordEncoder format ("{bcrypt}..."). A password set
-- by an operator or printed at first start must be changed at the first sign-in.
create table console_login (
    user_id       bigint       primary key references app_user (id),
    login_name    varchar(300) not null unique,
    password_hash varchar(256) not null,
    must_change   boolean      not null default true,
    operator      boolean      not null default false,
    updated_at    bigint       not null
);

-- A quota alert: an account crossed a threshold (percent) of one limit in one period (yyyy-MM for the monthly free
-- quota, yyyy-MM-dd for a daily cap). The primary key records each crossing once, however many nodes see it.
create table quota_alert (
    account_id  bigint      not null,
    quota       varchar(32) not null,
    period      varchar(10) not null,
    threshold   smallint    not null,
    used        bigint      not null,
    quota_limit bigint      not null,
    raised_at   bigint      not null,
    primary key (account_id, quota, period, threshold)
);
create index quota_alert_raised on quota_alert (account_id, raised_at);
