-- Partners' bulk reads through the layer API and the OGC API are disclosures too (issue 16):
-- they go into the export log beside the exports, marked by the way they left.
ALTER TABLE export_log ADD COLUMN via text NOT NULL DEFAULT 'export'
  CONSTRAINT export_via CHECK (via IN ('export', 'layer-api', 'ogc'));
