-- PostGIS's WKT parser for imported text (IPIS exports carry each visit's point as
-- `geom`, `POINT (lon lat)`), answering NULL where the text is not WKT instead of failing
-- the statement: one bad cell must reject its row, not the file (server/sites/ipis/ipis-store.ts).
CREATE FUNCTION try_geom_from_text(wkt text) RETURNS geometry LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
BEGIN
  RETURN ST_GeomFromText(wkt);
EXCEPTION WHEN internal_error THEN
  -- What PostGIS raises for text it cannot parse ("parse error - invalid geometry").
  RETURN NULL;
END $$;
