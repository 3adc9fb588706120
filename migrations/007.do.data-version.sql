-- One number that changes whenever data a map tile or a layer read shows may have changed
-- (issue 13): a tile's ETag carries it, so a browser revalidates a tile with a 304 and the
-- server answers that 304 without building the tile again. Statement-level triggers: an
-- import of 10 000 rows bumps it once per statement, not per row.
CREATE TABLE data_version (
  singleton  boolean PRIMARY KEY DEFAULT true CONSTRAINT one_version CHECK (singleton),
  version    bigint NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO data_version (version) VALUES (1);

-- An upsert, so that a test database emptied with TRUNCATE (triggers off) starts counting again.
CREATE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO data_version (singleton, version) VALUES (true, 1)
    ON CONFLICT (singleton) DO UPDATE SET version = data_version.version + 1, changed_at = now();
  RETURN NULL;
END
$$;

-- Every table a layer's published rows read: the layers, the visits that make a site's state,
-- and the secret that makes partners' incident ids.
CREATE TRIGGER zones_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON zones FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER cooperatives_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON cooperatives FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER sites_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON sites FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER site_visits_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON site_visits FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER site_visit_actors_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON site_visit_actors FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER claims_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON claims FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER security_presence_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON security_presence FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER routes_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON routes FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER roadblocks_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON roadblocks FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER incidents_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON incidents FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER sharing_secret_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON sharing_secret FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();

-- Partners' tile reads go into the export log beside their other reads.
ALTER TABLE export_log DROP CONSTRAINT export_via;
ALTER TABLE export_log ADD CONSTRAINT export_via CHECK (via IN ('export', 'layer-api', 'ogc', 'tiles'));
