-- Building block 3: reporting cycles, status reports, milestones, risks, issues. The monitoring module owns
-- every table prefixed monitoring_ (and the shedlock table of its cluster-safe reminder job).

create table monitoring_cycle (
    id          uuid         not null primary key,
    label       varchar(100) not null,
    cadence     varchar(20)  not null,
    period_end  date         not null,
    due_date    date         not null,
    closed      boolean      not null,
    opened_by   varchar(100) not null,
    opened_at   timestamp with time zone not null,
    example_data boolean     not null,
    version     bigint       not null
);

-- One expected report per project and cycle; remembers which mails went out and which version counts.
create table monitoring_slot (
    id                 uuid         not null primary key,
    cycle_id           uuid         not null references monitoring_cycle (id),
    project_id         uuid         not null,
    project_key        varchar(20)  not null,
    lead_unit_id       uuid         not null,
    current_report_id  uuid,
    first_submitted_at timestamp with time zone,
    reminder_sent_at   timestamp with time zone,
    overdue_sent_at    timestamp with time zone,
    version            bigint       not null,
    constraint uq_monitoring_slot unique (cycle_id, project_id)
);
create index ix_monitoring_slot_project on monitoring_slot (project_id);

create table monitoring_report (
    id               uuid          not null primary key,
    slot_id          uuid          not null references monitoring_slot (id),
    cycle_id         uuid          not null,
    project_id       uuid          not null,
    report_version   integer       not null,
    state            varchar(20)   not null,
    overall_light    varchar(10)   not null,
    scope_light      varchar(10)   not null,
    time_light       varchar(10)   not null,
    cost_light       varchar(10)   not null,
    risk_light       varchar(10)   not null,
    progress_percent integer       not null,
    summary          varchar(4000) not null,
    achievements     varchar(4000),
    next_steps       varchar(4000),
    decision_needed  varchar(4000),
    created_by       varchar(100)  not null,
    created_at       timestamp with time zone not null,
    submitted_by     varchar(100),
    submitted_at     timestamp with time zone,
    version          bigint        not null,
    constraint uq_monitoring_report_version unique (slot_id, report_version)
);
create index ix_monitoring_report_project on monitoring_report (project_id);
create index ix_monitoring_report_cycle on monitoring_report (cycle_id);

create table monitoring_report_cost (
    report_id   uuid           not null references monitoring_report (id),
    budget_year integer        not null,
    amount      numeric(15, 2) not null,
    primary key (report_id, budget_year)
);

create table monitoring_milestone (
    id           uuid         not null primary key,
    project_id   uuid         not null,
    title        varchar(300) not null,
    planned_date date         not null,
    forecast_date date,
    actual_date  date,
    completion   boolean      not null,
    published    boolean      not null,
    version      bigint       not null
);
create index ix_monitoring_milestone_project on monitoring_milestone (project_id);

create table monitoring_risk (
    id          uuid          not null primary key,
    project_id  uuid          not null,
    title       varchar(300)  not null,
    probability integer       not null,
    impact      integer       not null,
    owner       varchar(200)  not null,
    mitigation  varchar(4000),
    status      varchar(20)   not null,
    version     bigint        not null
);
create index ix_monitoring_risk_project on monitoring_risk (project_id);

create table monitoring_issue (
    id         uuid          not null primary key,
    project_id uuid          not null,
    title      varchar(300)  not null,
    owner      varchar(200)  not null,
    due_date   date,
    open_issue boolean       not null,
    version    bigint        not null
);
create index ix_monitoring_issue_project on monitoring_issue (project_id);

create table monitoring_cycle_aud (
    id           uuid   not null,
    rev          bigint not null references audit_revision (id),
    revtype      smallint,
    label        varchar(100),
    cadence      varchar(20),
    period_end   date,
    due_date     date,
    closed       boolean,
    opened_by    varchar(100),
    opened_at    timestamp with time zone,
    example_data boolean,
    primary key (id, rev)
);

create table monitoring_report_aud (
    id               uuid   not null,
    rev              bigint not null references audit_revision (id),
    revtype          smallint,
    slot_id          uuid,
    cycle_id         uuid,
    project_id       uuid,
    report_version   integer,
    state            varchar(20),
    overall_light    varchar(10),
    scope_light      varchar(10),
    time_light       varchar(10),
    cost_light       varchar(10),
    risk_light       varchar(10),
    progress_percent integer,
    summary          varchar(4000),
    achievements     varchar(4000),
    next_steps       varchar(4000),
    decision_needed  varchar(4000),
    created_by       varchar(100),
    created_at       timestamp with time zone,
    submitted_by     varchar(100),
    submitted_at     timestamp with time zone,
    primary key (id, rev)
);

create table monitoring_report_cost_aud (
    rev         bigint   not null references audit_revision (id),
    revtype     smallint not null,
    setordinal  integer  not null,
    report_id   uuid     not null,
    budget_year integer,
    amount      numeric(15, 2),
    primary key (rev, report_id, revtype, setordinal)
);

create table monitoring_milestone_aud (
    id            uuid   not null,
    rev           bigint not null references audit_revision (id),
    revtype       smallint,
    project_id    uuid,
    title         varchar(300),
    planned_date  date,
    forecast_date date,
    actual_date   date,
    completion    boolean,
    published     boolean,
    primary key (id, rev)
);

create table monitoring_risk_aud (
    id          uuid   not null,
    rev         bigint not null references audit_revision (id),
    revtype     smallint,
    project_id  uuid,
    title       varchar(300),
    probability integer,
    impact      integer,
    owner       varchar(200),
    mitigation  varchar(4000),
    status      varchar(20),
    primary key (id, rev)
);

create table monitoring_issue_aud (
    id         uuid   not null,
    rev        bigint not null references audit_revision (id),
    revtype    smallint,
    project_id uuid,
    title      varchar(300),
    owner      varchar(200),
    due_date   date,
    open_issue boolean,
    primary key (id, rev)
);

-- ShedLock: one row per scheduled job, so that only one node of a cluster sends reminders at a time.
create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamp with time zone not null,
    locked_at  timestamp with time zone not null,
    locked_by  varchar(255) not null
);
