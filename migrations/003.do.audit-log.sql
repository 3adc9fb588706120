-- Every write leaves a trace: who, when, which record, what it was before and after.
-- The log and the export log are append-only: the database itself refuses to change them,
-- whatever the application does.
CREATE TABLE audit_log (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  changed_at  timestamptz NOT NULL DEFAULT now(),
  -- until accounts exist: 'anonymous' for the API, 'import:<file>' for imports
  actor       text NOT NULL,
  action      text NOT NULL CHECK (action IN ('create', 'update', 'delete', 'import')),
  layer       text NOT NULL,
  record_id   bigint,
  before      jsonb,
  after       jsonb
);
CREATE INDEX audit_log_record ON audit_log (layer, record_id, changed_at DESC);

CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER export_log_append_only BEFORE UPDATE OR DELETE ON export_log FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER export_log_no_truncate BEFORE TRUNCATE ON export_log FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
