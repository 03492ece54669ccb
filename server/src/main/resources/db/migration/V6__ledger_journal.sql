-- Embedded mode only: how far the ledger journal (files beside the database) has been copied into call_ledger.
-- Moved in the same transaction as the rows it covers, so replay after a crash starts exactly where the copy ended.
create table ledger_journal_mark (
    id             smallint primary key,
    segment        bigint   not null,
    journal_offset bigint   not null
);
insert into ledger_journal_mark (id, segment, journal_offset) values (1, 0, 0);
