-- KPI measurements (Messwerte) of the strategic goals' KPIs; the KPI itself belongs to the strategy module and is
-- referenced by id only (no foreign key across module boundaries).
create table monitoring_kpi_measurement (
    id           uuid                     not null primary key,
    kpi_id       uuid                     not null,
    measured_on  date                     not null,
    measured     numeric(19, 4)           not null,
    unit         varchar(40)              not null,
    source       varchar(500),
    entered_by   varchar(100)             not null,
    entered_at   timestamp with time zone not null,
    example_data boolean                  not null,
    version      bigint                   not null
);
create index ix_monitoring_kpi_measurement_kpi on monitoring_kpi_measurement (kpi_id, measured_on);

create table monitoring_kpi_measurement_aud (
    id           uuid   not null,
    rev          bigint not null references audit_revision (id),
    revtype      smallint,
    kpi_id       uuid,
    measured_on  date,
    measured     numeric(19, 4),
    unit         varchar(40),
    source       varchar(500),
    entered_by   varchar(100),
    entered_at   timestamp with time zone,
    example_data boolean,
    primary key (id, rev)
);
