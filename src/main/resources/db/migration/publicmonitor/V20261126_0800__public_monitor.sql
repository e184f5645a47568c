-- The public Digitalmonitor's read model. It holds only fields that are meant for the public and is filled from
-- the portfolio's API when a project is published, changed or withdrawn; it is derived data (rebuilt at start),
-- so it has no audit tables. The public monitor module owns every table prefixed public_.
create table public_project (
    id              uuid          not null primary key,
    project_key     varchar(20)   not null,
    title           varchar(300)  not null,
    summary         varchar(2000) not null,
    status          varchar(20)   not null,
    planned_start   date,
    planned_end     date,
    office_code     varchar(50),
    office_name     varchar(300),
    ai_used         boolean       not null,
    ai_purpose      varchar(2000),
    ai_risk_class   varchar(20),
    progress        integer,
    published_at    timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    content_hash    varchar(64)   not null,
    constraint uq_public_project_key unique (project_key)
);

create table public_project_goal (
    project_id   uuid         not null references public_project (id) on delete cascade,
    position     integer      not null,
    goal_code    varchar(50)  not null,
    goal_title   varchar(500) not null,
    field_number integer      not null,
    field_name   varchar(300) not null,
    primary key (project_id, position)
);

create table public_milestone (
    project_id uuid         not null references public_project (id) on delete cascade,
    position   integer      not null,
    title      varchar(500) not null,
    planned    date,
    forecast   date,
    actual     date,
    primary key (project_id, position)
);

-- Entries of the Atom feed: a project was published or its public fields changed. Never internal details; the
-- entries of a withdrawn project are deleted with it.
create table public_change (
    id          uuid          not null primary key,
    project_id  uuid          not null,
    project_key varchar(20)   not null,
    kind        varchar(20)   not null,
    title       varchar(300)  not null,
    summary     varchar(2000) not null,
    changed_at  timestamp with time zone not null
);
create index ix_public_change_at on public_change (changed_at);
create index ix_public_change_project on public_change (project_id);
