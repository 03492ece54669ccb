-- What a write's ledger record needs, committed in the operation's own transaction: a change and the proof that it
-- happened are durable together. The row is deleted in the same transaction (or statement) that makes the call's ledger
-- record durable; one left behind by a node that died in between becomes that record (outcome Recovered). Numbered
-- 8.12 so that it sorts after every earlier script whatever number other changes take. Kept without a second index: it
-- holds only the writes of the last moments, and each index would cost every write its update.
create table call_intent (
    request_id    varchar(64)  primary key,
    account_id    bigint       not null,
    user_id       bigint       not null,
    access_key_id varchar(64)  not null,
    action        varchar(128) not null,
    level         smallint     not null,
    op_type       varchar(8)   not null,
    called_at     bigint       not null,
    billable      boolean      not null,
    created_at    bigint       not null
);
