-- Building block 1: one central portfolio. The portfolio module owns every table prefixed portfolio_.
create sequence portfolio_project_number_seq start with 1 increment by 1;

create table portfolio_project (
    id                    uuid          not null primary key,
    project_key           varchar(20)   not null,
    title                 varchar(300)  not null,
    short_description     varchar(2000) not null,
    problem               varchar(4000),
    expected_impact       varchar(4000),
    project_type          varchar(20)   not null,
    status                varchar(20)   not null,
    lead_unit_id          uuid          not null,
    contact_name          varchar(200),
    contact_email         varchar(200),
    planned_start         date,
    planned_end           date,
    funding_programme     varchar(300),
    funding_share         numeric(5, 2),
    ai_used               boolean       not null,
    ai_purpose            varchar(2000),
    ai_risk_class         varchar(20),
    published             boolean       not null,
    public_title          varchar(300),
    public_summary        varchar(2000),
    example_data          boolean       not null,
    created_by            varchar(100)  not null,
    created_at            timestamp with time zone not null,
    updated_at            timestamp with time zone not null,
    version               bigint        not null,
    constraint uq_portfolio_project_key unique (project_key)
);
create index ix_portfolio_project_status on portfolio_project (status);
create index ix_portfolio_project_lead on portfolio_project (lead_unit_id);

create table portfolio_participant (
    project_id uuid not null references portfolio_project (id),
    unit_id    uuid not null,
    primary key (project_id, unit_id)
);

create table portfolio_cost (
    project_id uuid           not null references portfolio_project (id),
    budget_year integer       not null,
    investment numeric(15, 2) not null,
    running    numeric(15, 2) not null,
    primary key (project_id, budget_year)
);

create table portfolio_effort (
    project_id  uuid           not null references portfolio_project (id),
    unit_id     uuid           not null,
    budget_year integer        not null,
    person_days numeric(10, 1) not null,
    primary key (project_id, unit_id, budget_year)
);

create table portfolio_goal_link (
    project_id   uuid        not null references portfolio_project (id),
    goal_id      uuid        not null,
    field_id     uuid        not null,
    contribution varchar(10) not null,
    primary key (project_id, goal_id)
);
create index ix_portfolio_goal_link_goal on portfolio_goal_link (goal_id);

create table portfolio_bundle_link (
    project_id uuid not null references portfolio_project (id),
    bundle_id  uuid not null,
    primary key (project_id, bundle_id)
);

create table portfolio_online_service (
    project_id     uuid         not null references portfolio_project (id),
    leika_key      varchar(30)  not null,
    name           varchar(300) not null,
    maturity_model varchar(10)  not null,
    current_level  integer      not null,
    target_level   integer      not null,
    primary key (project_id, leika_key)
);

create table portfolio_tag (
    project_id uuid        not null references portfolio_project (id),
    tag        varchar(40) not null,
    primary key (project_id, tag)
);
create index ix_portfolio_tag_tag on portfolio_tag (tag);

create table portfolio_dependency (
    project_id          uuid not null references portfolio_project (id),
    required_project_id uuid not null references portfolio_project (id),
    primary key (project_id, required_project_id)
);

create table portfolio_transition (
    id          uuid          not null primary key,
    project_id  uuid          not null references portfolio_project (id),
    from_status varchar(20)   not null,
    to_status   varchar(20)   not null,
    changed_at  timestamp with time zone not null,
    changed_by  varchar(100)  not null,
    comment     varchar(2000)
);
create index ix_portfolio_transition_project on portfolio_transition (project_id);

create table portfolio_saved_filter (
    id         uuid          not null primary key,
    owner      varchar(100)  not null,
    name       varchar(100)  not null,
    query      varchar(2000) not null,
    created_at timestamp with time zone not null
);
create index ix_portfolio_saved_filter_owner on portfolio_saved_filter (owner);

create table portfolio_project_aud (
    id                uuid   not null,
    rev               bigint not null references audit_revision (id),
    revtype           smallint,
    project_key       varchar(20),
    title             varchar(300),
    short_description varchar(2000),
    problem           varchar(4000),
    expected_impact   varchar(4000),
    project_type      varchar(20),
    status            varchar(20),
    lead_unit_id      uuid,
    contact_name      varchar(200),
    contact_email     varchar(200),
    planned_start     date,
    planned_end       date,
    funding_programme varchar(300),
    funding_share     numeric(5, 2),
    ai_used           boolean,
    ai_purpose        varchar(2000),
    ai_risk_class     varchar(20),
    published         boolean,
    public_title      varchar(300),
    public_summary    varchar(2000),
    example_data      boolean,
    created_by        varchar(100),
    created_at        timestamp with time zone,
    updated_at        timestamp with time zone,
    primary key (id, rev)
);

create table portfolio_participant_aud (
    rev        bigint not null references audit_revision (id),
    revtype    smallint,
    project_id uuid   not null,
    unit_id    uuid   not null,
    primary key (rev, project_id, unit_id)
);

create table portfolio_cost_aud (
    rev         bigint   not null references audit_revision (id),
    revtype     smallint not null,
    setordinal  integer  not null,
    project_id  uuid     not null,
    budget_year integer,
    investment  numeric(15, 2),
    running     numeric(15, 2),
    primary key (rev, project_id, revtype, setordinal)
);

create table portfolio_effort_aud (
    rev         bigint   not null references audit_revision (id),
    revtype     smallint not null,
    setordinal  integer  not null,
    project_id  uuid     not null,
    unit_id     uuid,
    budget_year integer,
    person_days numeric(10, 1),
    primary key (rev, project_id, revtype, setordinal)
);

create table portfolio_goal_link_aud (
    rev         bigint   not null references audit_revision (id),
    revtype     smallint not null,
    setordinal  integer  not null,
    project_id  uuid     not null,
    goal_id      uuid,
    field_id     uuid,
    contribution varchar(10),
    primary key (rev, project_id, revtype, setordinal)
);

create table portfolio_bundle_link_aud (
    rev        bigint not null references audit_revision (id),
    revtype    smallint,
    project_id uuid   not null,
    bundle_id  uuid   not null,
    primary key (rev, project_id, bundle_id)
);

create table portfolio_online_service_aud (
    rev         bigint   not null references audit_revision (id),
    revtype     smallint not null,
    setordinal  integer  not null,
    project_id  uuid     not null,
    leika_key      varchar(30),
    name           varchar(300),
    maturity_model varchar(10),
    current_level  integer,
    target_level   integer,
    primary key (rev, project_id, revtype, setordinal)
);

create table portfolio_tag_aud (
    rev        bigint      not null references audit_revision (id),
    revtype    smallint,
    project_id uuid        not null,
    tag        varchar(40) not null,
    primary key (rev, project_id, tag)
);

create table portfolio_dependency_aud (
    rev                 bigint not null references audit_revision (id),
    revtype             smallint,
    project_id          uuid   not null,
    required_project_id uuid   not null,
    primary key (rev, project_id, required_project_id)
);
