-- Crash safety of optimisation runs: the node running an optimisation writes a heartbeat every few seconds; a
-- RUNNING run whose heartbeat has gone stale (the process was killed or the server restarted) is marked
-- INTERRUPTED on the next check, so the scenario shows it and can be optimised again. Not audited: the heartbeat
-- is operational state, not a change anybody made.
alter table prioritization_optimization_run add column heartbeat_at timestamp with time zone;
alter table prioritization_optimization_run add column instance_id varchar(100);

create index ix_prioritization_run_status on prioritization_optimization_run (status);
