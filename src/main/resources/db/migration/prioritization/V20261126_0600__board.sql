-- Digitalisierungsboard: meetings, agenda items and decisions. The prioritization module owns every table
-- prefixed board_. Decisions of closed meetings form one SHA-256 hash chain (chain_sequence, previous_hash, hash).
create table board_meeting (
    id               uuid          not null primary key,
    title            varchar(300)  not null,
    scheduled_at     timestamp with time zone not null,
    duration_minutes integer       not null,
    location         varchar(300)  not null,
    status           varchar(20)   not null,
    invited_at       timestamp with time zone,
    closed_at        timestamp with time zone,
    closed_by        varchar(100),
    example_data     boolean       not null,
    created_by       varchar(100)  not null,
    created_at       timestamp with time zone not null,
    version          bigint        not null
);
create index ix_board_meeting_scheduled on board_meeting (scheduled_at);

create table board_agenda_item (
    id            uuid          not null primary key,
    meeting_id    uuid          not null references board_meeting (id),
    position      integer       not null,
    item_type     varchar(20)   not null,
    project_id    uuid,
    scenario_id   uuid,
    title         varchar(300)  not null,
    note          varchar(2000),
    version       bigint        not null
);
create index ix_board_agenda_item_meeting on board_agenda_item (meeting_id);

create table board_decision (
    id             uuid          not null primary key,
    meeting_id     uuid          not null references board_meeting (id),
    item_id        uuid          not null references board_agenda_item (id),
    project_id     uuid,
    outcome        varchar(30)   not null,
    rationale      varchar(4000) not null,
    conditions     varchar(4000),
    decided_by     varchar(100)  not null,
    decided_at     timestamp with time zone not null,
    corrects_id    uuid          references board_decision (id),
    chain_sequence bigint,
    previous_hash  varchar(64),
    hash           varchar(64),
    version        bigint        not null,
    constraint uq_board_decision_sequence unique (chain_sequence)
);
create index ix_board_decision_meeting on board_decision (meeting_id);
create index ix_board_decision_project on board_decision (project_id);

create table board_meeting_aud (
    id               uuid   not null,
    rev              bigint not null references audit_revision (id),
    revtype          smallint,
    title            varchar(300),
    scheduled_at     timestamp with time zone,
    duration_minutes integer,
    location         varchar(300),
    status           varchar(20),
    invited_at       timestamp with time zone,
    closed_at        timestamp with time zone,
    closed_by        varchar(100),
    example_data     boolean,
    created_by       varchar(100),
    created_at       timestamp with time zone,
    primary key (id, rev)
);

create table board_agenda_item_aud (
    id          uuid   not null,
    rev         bigint not null references audit_revision (id),
    revtype     smallint,
    meeting_id  uuid,
    position    integer,
    item_type   varchar(20),
    project_id  uuid,
    scenario_id uuid,
    title       varchar(300),
    note        varchar(2000),
    primary key (id, rev)
);

create table board_decision_aud (
    id             uuid   not null,
    rev            bigint not null references audit_revision (id),
    revtype        smallint,
    meeting_id     uuid,
    item_id        uuid,
    project_id     uuid,
    outcome        varchar(30),
    rationale      varchar(4000),
    conditions     varchar(4000),
    decided_by     varchar(100),
    decided_at     timestamp with time zone,
    corrects_id    uuid,
    chain_sequence bigint,
    previous_hash  varchar(64),
    hash           varchar(64),
    primary key (id, rev)
);
