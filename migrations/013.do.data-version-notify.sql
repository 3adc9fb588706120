-- Each instance learns of a new data version when it is committed (LISTEN data_version,
-- server/db/data-version.ts) instead of reading it before every tile: under a map's load that
-- read waited 20–80 ms for a connection (issue 13). The payload is empty on purpose: a
-- notification only says "read it again", so neither PostgreSQL folding equal payloads of one
-- transaction nor a version that starts again at 1 can leave an instance on a wrong number.
-- On the table itself rather than in bump_data_version(), so that a restore's own write of the
-- version (restore-backup.ts) is heard too; ALWAYS, so that it fires under any replication role.
CREATE FUNCTION notify_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('data_version', '');
  RETURN NULL;
END
$$;

CREATE TRIGGER data_version_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON data_version
  FOR EACH STATEMENT EXECUTE FUNCTION notify_data_version();
ALTER TABLE data_version ENABLE ALWAYS TRIGGER data_version_notify;
