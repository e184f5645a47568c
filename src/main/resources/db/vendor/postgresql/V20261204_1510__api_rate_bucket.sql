-- The API rate limit of several instances (organization/internal/SharedTokenRateLimiter), only on PostgreSQL: one
-- token bucket per API token, shared by every instance. Derived data, no audit table; deleted with its token.
create table api_rate_bucket (
    token_id   uuid             not null primary key references api_token (id) on delete cascade,
    tokens     double precision not null,
    allowed    boolean          not null,
    updated_at timestamp with time zone not null
);
