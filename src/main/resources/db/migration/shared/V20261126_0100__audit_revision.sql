-- One row per audited change set (Hibernate Envers revision): who and when.
create sequence audit_revision_seq start with 1 increment by 1;

create table audit_revision (
    id                 bigint       not null primary key,
    revision_timestamp bigint       not null,
    username           varchar(100) not null
);
