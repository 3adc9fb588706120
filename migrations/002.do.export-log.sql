-- Every export leaves a trace (DOMAIN.md, sharing rule 5): who took what, when, with which
-- profile and filters. Rows are only ever inserted; nothing in the app updates or deletes them.
CREATE TABLE export_log (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  exported_at    timestamptz NOT NULL DEFAULT now(),
  -- until accounts exist: 'anonymous'; then the account name
  requested_by   text NOT NULL,
  client_address text,
  profile        text NOT NULL CHECK (profile IN ('internal', 'working-group', 'partner', 'public')),
  format         text NOT NULL CHECK (format IN ('geojson', 'csv')),
  layers         text[] NOT NULL,
  filters        jsonb NOT NULL DEFAULT '{}',
  feature_count  integer NOT NULL CHECK (feature_count >= 0)
);
CREATE INDEX export_log_at ON export_log (exported_at DESC);
