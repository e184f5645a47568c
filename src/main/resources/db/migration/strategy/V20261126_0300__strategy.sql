create table strategy (
    id             uuid          not null primary key,
    title          varchar(200)  not null,
    vision         varchar(500)  not null,
    mission        varchar(2000) not null,
    cross_cutting  varchar(500),
    valid_from     date          not null,
    valid_to       date,
    status         varchar(20)   not null,
    example_data   boolean       not null,
    copied_from_id uuid,
    version        bigint        not null
);

create table strategy_field (
    id          uuid          not null primary key,
    strategy_id uuid          not null references strategy (id),
    number      integer       not null,
    name        varchar(200)  not null,
    description varchar(2000),
    version     bigint        not null
);
create index ix_strategy_field_strategy on strategy_field (strategy_id);

create table strategy_goal (
    id           uuid          not null primary key,
    field_id     uuid          not null references strategy_field (id),
    code         varchar(30)   not null,
    title        varchar(300)  not null,
    description  varchar(4000),
    example_data boolean       not null,
    version      bigint        not null
);
create index ix_strategy_goal_field on strategy_goal (field_id);

create table strategy_kpi (
    id             uuid           not null primary key,
    goal_id        uuid           not null references strategy_goal (id),
    name           varchar(300)   not null,
    unit           varchar(40)    not null,
    baseline_value numeric(19, 4) not null,
    baseline_date  date           not null,
    target_value   numeric(19, 4) not null,
    target_date    date           not null,
    direction      varchar(20)    not null,
    version        bigint         not null
);
create index ix_strategy_kpi_goal on strategy_kpi (goal_id);

create table strategy_bundle (
    id           uuid          not null primary key,
    field_id     uuid          not null references strategy_field (id),
    code         varchar(30)   not null,
    title        varchar(300)  not null,
    description  varchar(4000),
    example_data boolean       not null,
    version      bigint        not null
);
create index ix_strategy_bundle_field on strategy_bundle (field_id);

create table strategy_bundle_goal (
    bundle_id uuid not null references strategy_bundle (id),
    goal_id   uuid not null references strategy_goal (id),
    primary key (bundle_id, goal_id)
);

create table strategy_aud (
    id             uuid   not null,
    rev            bigint not null references audit_revision (id),
    revtype        smallint,
    title          varchar(200),
    vision         varchar(500),
    mission        varchar(2000),
    cross_cutting  varchar(500),
    valid_from     date,
    valid_to       date,
    status         varchar(20),
    example_data   boolean,
    copied_from_id uuid,
    primary key (id, rev)
);

create table strategy_field_aud (
    id          uuid   not null,
    rev         bigint not null references audit_revision (id),
    revtype     smallint,
    strategy_id uuid,
    number      integer,
    name        varchar(200),
    description varchar(2000),
    primary key (id, rev)
);

create table strategy_goal_aud (
    id           uuid   not null,
    rev          bigint not null references audit_revision (id),
    revtype      smallint,
    field_id     uuid,
    code         varchar(30),
    title        varchar(300),
    description  varchar(4000),
    example_data boolean,
    primary key (id, rev)
);

create table strategy_kpi_aud (
    id             uuid   not null,
    rev            bigint not null references audit_revision (id),
    revtype        smallint,
    goal_id        uuid,
    name           varchar(300),
    unit           varchar(40),
    baseline_value numeric(19, 4),
    baseline_date  date,
    target_value   numeric(19, 4),
    target_date    date,
    direction      varchar(20),
    primary key (id, rev)
);

create table strategy_bundle_aud (
    id           uuid   not null,
    rev          bigint not null references audit_revision (id),
    revtype      smallint,
    field_id     uuid,
    code         varchar(30),
    title        varchar(300),
    description  varchar(4000),
    example_data boolean,
    primary key (id, rev)
);

create table strategy_bundle_goal_aud (
    rev       bigint not null references audit_revision (id),
    revtype   smallint,
    bundle_id uuid   not null,
    goal_id   uuid   not null,
    primary key (rev, bundle_id, goal_id)
);
