-- The head of the decision hash chain, kept apart from the chained rows: how many decisions have been sealed and
-- the hash of the newest. Sealing updates it in the same transaction; verification compares the stored chain with
-- it, so that deleting the newest sealed decisions (a truncated chain) no longer passes as intact.
-- One row (id 1). Databases that already hold sealed decisions start from their current newest entry.
create table board_chain_head (
    id         integer      not null primary key,
    entries    bigint       not null,
    head_hash  varchar(64)  not null,
    sealed_at  timestamp with time zone,
    version    bigint       not null
);

insert into board_chain_head (id, entries, head_hash, sealed_at, version)
select 1,
       coalesce(max(d.chain_sequence), 0),
       coalesce((select n.hash from board_decision n
                 where n.chain_sequence = (select max(m.chain_sequence) from board_decision m)),
                '0000000000000000000000000000000000000000000000000000000000000000'),
       null,
       0
from board_decision d
where d.chain_sequence is not null;
