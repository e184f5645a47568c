-- Portfolio scenarios and optimisation runs (building block 2). Owned by the prioritization module.
create table prioritization_scenario (
    id           uuid         not null primary key,
    name         varchar(200) not null,
    year_labels  varchar(400) not null,
    example_data boolean      not null,
    created_by   varchar(100) not null,
    created_at   timestamp with time zone not null,
    updated_at   timestamp with time zone not null,
    version      bigint       not null
);

create table prioritization_scenario_budget (
    scenario_id uuid           not null references prioritization_scenario (id),
    year_label  varchar(40)    not null,
    amount      numeric(15, 0) not null,
    primary key (scenario_id, year_label)
);

create table prioritization_scenario_capacity (
    scenario_id uuid           not null references prioritization_scenario (id),
    unit_code   varchar(40)    not null,
    year_label  varchar(40)    not null,
    person_days numeric(10, 1) not null,
    primary key (scenario_id, unit_code, year_label)
);

create table prioritization_scenario_candidate (
    scenario_id     uuid          not null references prioritization_scenario (id),
    project_key     varchar(20)   not null,
    mandatory       boolean       not null,
    excluded        boolean       not null,
    value_override  numeric(7, 2),
    override_reason varchar(1000),
    primary key (scenario_id, project_key)
);

create table prioritization_scenario_exclusion (
    scenario_id uuid        not null references prioritization_scenario (id),
    first_key   varchar(20) not null,
    second_key  varchar(20) not null,
    primary key (scenario_id, first_key, second_key)
);

create table prioritization_optimization_run (
    id           uuid          not null primary key,
    scenario_id  uuid          not null references prioritization_scenario (id),
    status       varchar(20)   not null,
    objective    numeric(17, 2),
    started_by   varchar(100)  not null,
    started_at   timestamp with time zone not null,
    finished_at  timestamp with time zone,
    result_json  varchar(10000000),
    version      bigint        not null
);
create index ix_prioritization_run_scenario on prioritization_optimization_run (scenario_id);

create table prioritization_scenario_aud (
    id           uuid   not null,
    rev          bigint not null references audit_revision (id),
    revtype      smallint,
    name         varchar(200),
    year_labels  varchar(400),
    example_data boolean,
    created_by   varchar(100),
    created_at   timestamp with time zone,
    updated_at   timestamp with time zone,
    primary key (id, rev)
);

create table prioritization_scenario_budget_aud (
    rev         bigint   not null references audit_revision (id),
    revtype     smallint not null,
    setordinal  integer  not null,
    scenario_id uuid     not null,
    year_label  varchar(40),
    amount      numeric(15, 0),
    primary key (rev, scenario_id, revtype, setordinal)
);

create table prioritization_scenario_capacity_aud (
    rev         bigint   not null references audit_revision (id),
    revtype     smallint not null,
    setordinal  integer  not null,
    scenario_id uuid     not null,
    unit_code   varchar(40),
    year_label  varchar(40),
    person_days numeric(10, 1),
    primary key (rev, scenario_id, revtype, setordinal)
);

create table prioritization_scenario_candidate_aud (
    rev             bigint   not null references audit_revision (id),
    revtype         smallint not null,
    setordinal      integer  not null,
    scenario_id     uuid     not null,
    project_key     varchar(20),
    mandatory       boolean,
    excluded        boolean,
    value_override  numeric(7, 2),
    override_reason varchar(1000),
    primary key (rev, scenario_id, revtype, setordinal)
);

create table prioritization_scenario_exclusion_aud (
    rev         bigint   not null references audit_revision (id),
    revtype     smallint not null,
    setordinal  integer  not null,
    scenario_id uuid     not null,
    first_key   varchar(20),
    second_key  varchar(20),
    primary key (rev, scenario_id, revtype, setordinal)
);

create table prioritization_optimization_run_aud (
    id          uuid   not null,
    rev         bigint not null references audit_revision (id),
    revtype     smallint,
    scenario_id uuid,
    status      varchar(20),
    objective   numeric(17, 2),
    started_by  varchar(100),
    started_at  timestamp with time zone,
    finished_at timestamp with time zone,
    result_json varchar(10000000),
    primary key (id, rev)
);
