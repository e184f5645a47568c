-- Building block 2, part 1: scoring models, benefit plans and assessments. Tables prefixed prio_ belong to the
-- prioritization module; the scoring part uses prio_scoring_*, prio_criterion*, prio_benefit_* and prio_assessment*.
create table prio_scoring_model (
    id             uuid          not null primary key,
    name           varchar(200)  not null,
    version_number integer       not null,
    status         varchar(20)   not null,
    discount_rate  numeric(5, 2) not null,
    example_data   boolean       not null,
    updated_at     timestamp with time zone not null,
    version        bigint        not null
);

create table prio_criterion_group (
    id        uuid         not null primary key,
    model_id  uuid         not null references prio_scoring_model (id),
    sort_order integer      not null,
    name      varchar(200) not null,
    dimension varchar(20)  not null
);
create index ix_prio_criterion_group_model on prio_criterion_group (model_id);

create table prio_criterion (
    id          uuid          not null primary key,
    group_id    uuid          not null references prio_criterion_group (id),
    sort_order integer       not null,
    code        varchar(20)   not null,
    name        varchar(200)  not null,
    description varchar(2000),
    weight      numeric(5, 2) not null,
    kind        varchar(10)   not null,
    derivation  varchar(20)
);
create index ix_prio_criterion_group on prio_criterion (group_id);

create table prio_criterion_level (
    criterion_id uuid          not null references prio_criterion (id),
    level_value  integer       not null,
    description  varchar(500)  not null,
    primary key (criterion_id, level_value)
);

create table prio_benefit_plan (
    project_id   uuid   not null primary key,
    example_data boolean not null,
    version      bigint not null
);

create table prio_benefit_year (
    project_id  uuid           not null references prio_benefit_plan (project_id),
    budget_year integer        not null,
    amount      numeric(15, 2) not null,
    primary key (project_id, budget_year)
);

create table prio_assessment (
    id                 uuid         not null primary key,
    model_id           uuid         not null references prio_scoring_model (id),
    project_id         uuid         not null,
    evaluator_username varchar(60)  not null,
    evaluator_name     varchar(200) not null,
    status             varchar(20)  not null,
    assigned_by        varchar(100) not null,
    assigned_at        timestamp with time zone not null,
    submitted_at       timestamp with time zone,
    updated_at         timestamp with time zone not null,
    example_data       boolean      not null,
    version            bigint       not null,
    constraint uq_prio_assessment unique (model_id, project_id, evaluator_username)
);
create index ix_prio_assessment_project on prio_assessment (project_id);
create index ix_prio_assessment_evaluator on prio_assessment (evaluator_username);

create table prio_rating (
    id            uuid          not null primary key,
    assessment_id uuid          not null references prio_assessment (id),
    criterion_id  uuid          not null references prio_criterion (id),
    level_value   integer       not null,
    justification varchar(2000) not null,
    constraint uq_prio_rating unique (assessment_id, criterion_id)
);

-- Audit (Hibernate Envers)
create table prio_scoring_model_aud (
    id             uuid   not null,
    rev            bigint not null references audit_revision (id),
    revtype        smallint,
    name           varchar(200),
    version_number integer,
    status         varchar(20),
    discount_rate  numeric(5, 2),
    example_data   boolean,
    updated_at     timestamp with time zone,
    primary key (id, rev)
);

create table prio_criterion_group_aud (
    id        uuid   not null,
    rev       bigint not null references audit_revision (id),
    revtype   smallint,
    model_id  uuid,
    sort_order integer,
    name      varchar(200),
    dimension varchar(20),
    primary key (id, rev)
);

create table prio_criterion_aud (
    id          uuid   not null,
    rev         bigint not null references audit_revision (id),
    revtype     smallint,
    group_id    uuid,
    sort_order integer,
    code        varchar(20),
    name        varchar(200),
    description varchar(2000),
    weight      numeric(5, 2),
    kind        varchar(10),
    derivation  varchar(20),
    primary key (id, rev)
);

create table prio_criterion_level_aud (
    rev          bigint   not null references audit_revision (id),
    revtype      smallint not null,
    setordinal   integer  not null,
    criterion_id uuid     not null,
    level_value  integer,
    description  varchar(500),
    primary key (rev, criterion_id, revtype, setordinal)
);

create table prio_benefit_plan_aud (
    project_id   uuid   not null,
    rev          bigint not null references audit_revision (id),
    revtype      smallint,
    example_data boolean,
    primary key (project_id, rev)
);

create table prio_benefit_year_aud (
    rev         bigint   not null references audit_revision (id),
    revtype     smallint not null,
    setordinal  integer  not null,
    project_id  uuid     not null,
    budget_year integer,
    amount      numeric(15, 2),
    primary key (rev, project_id, revtype, setordinal)
);

create table prio_assessment_aud (
    id                 uuid   not null,
    rev                bigint not null references audit_revision (id),
    revtype            smallint,
    model_id           uuid,
    project_id         uuid,
    evaluator_username varchar(60),
    evaluator_name     varchar(200),
    status             varchar(20),
    assigned_by        varchar(100),
    assigned_at        timestamp with time zone,
    submitted_at       timestamp with time zone,
    updated_at         timestamp with time zone,
    example_data       boolean,
    primary key (id, rev)
);

create table prio_rating_aud (
    id            uuid   not null,
    rev           bigint not null references audit_revision (id),
    revtype       smallint,
    assessment_id uuid,
    criterion_id  uuid,
    level_value   integer,
    justification varchar(2000),
    primary key (id, rev)
);
