-- Personal API tokens for scripts: only a SHA-256 hash of the token is stored; the token is shown once.
create table api_token (
    id           uuid                     not null primary key,
    owner_id     uuid                     not null references user_account (id),
    name         varchar(100)             not null,
    scope        varchar(10)              not null,
    token_hash   varchar(64)              not null,
    prefix       varchar(20)              not null,
    created_at   timestamp with time zone not null,
    expires_at   timestamp with time zone not null,
    revoked_at   timestamp with time zone,
    last_used_at timestamp with time zone,
    version      bigint                   not null,
    constraint uq_api_token_hash unique (token_hash)
);

create index ix_api_token_owner on api_token (owner_id);

create table api_token_aud (
    id         uuid     not null,
    rev        bigint   not null references audit_revision (id),
    revtype    smallint,
    owner_id   uuid,
    name       varchar(100),
    scope      varchar(10),
    prefix     varchar(20),
    created_at timestamp with time zone,
    expires_at timestamp with time zone,
    revoked_at timestamp with time zone,
    primary key (id, rev)
);
