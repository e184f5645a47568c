-- The version of the public read model (publicmonitor/internal/MonitorVersion), one row. It moves after every
-- change of the read model, and every instance's caches of public answers follow it: a publication on one
-- instance refreshes the monitor on all of them within seconds. The number starts at the migration's time in
-- milliseconds, as the in-memory version did at start, so no validator of an earlier installation matches.
create table public_monitor_version (
    id            integer not null primary key,
    number        bigint  not null,
    last_modified timestamp with time zone not null
);
insert into public_monitor_version (id, number, last_modified)
values (1, cast(extract(epoch from current_timestamp) * 1000 as bigint), current_timestamp);
