-- Security event log: append-only, written by the organization module (sign-in, failures, role changes, token
-- use, refused access, throttling). Not audited: it is itself the audit trail.
create table security_event (
    id          uuid                     not null primary key,
    occurred_at timestamp with time zone not null,
    event_type  varchar(30)              not null,
    username    varchar(200),
    ip          varchar(60),
    detail      varchar(500)
);

create index ix_security_event_time on security_event (occurred_at);
create index ix_security_event_user on security_event (username);
