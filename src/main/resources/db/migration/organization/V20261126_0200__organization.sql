create table org_unit (
    id         uuid         not null primary key,
    code       varchar(30)  not null,
    name       varchar(200) not null,
    short_name varchar(60),
    unit_type  varchar(20)  not null,
    parent_id  uuid references org_unit (id),
    active     boolean      not null,
    version    bigint       not null,
    constraint uq_org_unit_code unique (code)
);

create table org_unit_aud (
    id         uuid     not null,
    rev        bigint   not null references audit_revision (id),
    revtype    smallint,
    code       varchar(30),
    name       varchar(200),
    short_name varchar(60),
    unit_type  varchar(20),
    parent_id  uuid,
    active     boolean,
    primary key (id, rev)
);

create table user_account (
    id            uuid         not null primary key,
    username      varchar(60)  not null,
    display_name  varchar(200) not null,
    email         varchar(200),
    password_hash varchar(100),
    enabled       boolean      not null,
    org_unit_id   uuid references org_unit (id),
    version       bigint       not null,
    constraint uq_user_account_username unique (username)
);

create table user_account_role (
    user_id uuid        not null references user_account (id),
    role    varchar(30) not null,
    primary key (user_id, role)
);

create table user_account_aud (
    id           uuid   not null,
    rev          bigint not null references audit_revision (id),
    revtype      smallint,
    username     varchar(60),
    display_name varchar(200),
    email        varchar(200),
    enabled      boolean,
    org_unit_id  uuid,
    primary key (id, rev)
);

create table user_account_role_aud (
    rev     bigint      not null references audit_revision (id),
    revtype smallint,
    user_id uuid        not null,
    role    varchar(30) not null,
    primary key (rev, user_id, role)
);
