-- Rate limits and the sign-in backoff, kept where every app instance sees them (issue 18):
-- two processes behind one address must count one caller's requests once, not once each.

-- Per-caller request counts in fixed windows (@fastify/rate-limit's store, server/auth/rate-limit-store.ts).
-- UNLOGGED: a counter lost in a crash costs nothing, and every request with credentials writes here.
CREATE UNLOGGED TABLE rate_limit_counts (
  key          text PRIMARY KEY,
  window_start timestamptz NOT NULL,
  hits         integer NOT NULL
);

-- Failed sign-ins per username (server/auth/sign-in-backoff.ts). The name is kept folded
-- (trimmed, lower case), as it was typed: unknown names are counted too.
CREATE TABLE sign_in_failures (
  name_key       text PRIMARY KEY,
  failures       integer NOT NULL,
  wait_until     timestamptz NOT NULL,
  last_failed_at timestamptz NOT NULL DEFAULT now()
);
