-- Which projects the portfolio office has been told are "gefährdet durch Abhängigkeit": one row per endangered
-- dependent, so that each one is mailed once when it becomes endangered (and again only after it had recovered).
-- Bookkeeping, not audited.
create table monitoring_dependency_alert (
    dependent_id uuid          not null primary key,
    chain        varchar(2000) not null,
    notified_at  timestamp with time zone not null
);
