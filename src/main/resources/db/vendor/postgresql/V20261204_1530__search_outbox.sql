-- Outbox-polling coordination of Hibernate Search (LEITSTAND_SEARCH_BACKEND=opensearch, several instances): changes
-- to indexed entities are written to hsearch_outbox_event in the same transaction, and the instances registered
-- in hsearch_agent share the work of indexing them, so each change is indexed once. Only PostgreSQL runs several
-- instances; unused (empty) with the embedded Lucene index. The tables as Hibernate Search 8.2 maps them.
create table hsearch_agent (
    id                   uuid         not null primary key,
    type                 varchar(255) not null check (type in ('EVENT_PROCESSING_DYNAMIC_SHARDING',
                                                              'EVENT_PROCESSING_STATIC_SHARDING', 'MASS_INDEXING')),
    name                 varchar(255) not null,
    expiration           timestamp(6) with time zone not null,
    state                varchar(255) not null check (state in ('RUNNING', 'WAITING', 'SUSPENDED')),
    total_shard_count    integer,
    assigned_shard_index integer,
    tenant_id            varchar(255),
    payload              bytea
);

create table hsearch_outbox_event (
    id             uuid         not null primary key,
    entity_name    varchar(256) not null,
    entity_id      varchar(256) not null,
    entity_id_hash integer      not null,
    payload        bytea        not null,
    retries        integer      not null,
    process_after  timestamp(6) with time zone not null,
    status         varchar(255) not null check (status in ('PENDING', 'ABORTED')),
    tenant_id      varchar(255)
);
create index processafter on hsearch_outbox_event (process_after);
