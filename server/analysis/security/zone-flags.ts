import type { MultiPolygon } from 'geojson';
import type { Queryable } from '../../db/database.js';
import { isStale } from '../../rules/r11-stale-observation.js';
import { LEVEL_RANK, judgeObservations, overallLevel } from '../../rules/security-actor-rules.js';
import type { SecurityObservation } from '../../rules/security-observation.js';
import type { SecurityParams } from './security-params.js';
import type { ZoneFlags, ZoneFlagsFeature } from './security-schema.js';
import { zoneFlagsSql } from './zone-flags-sql.js';

interface ZoneRow {
  zone_id: number;
  code: string;
  name: string | null;
  illustrative: boolean;
  geometry: MultiPolygon;
  observations: SecurityObservation[] | null;
}

export async function findZoneFlags(db: Queryable, params: SecurityParams): Promise<ZoneFlags> {
  const { text, values } = zoneFlagsSql(params);
  const rows = await db.query<ZoneRow>(text, values);
  const features = rows.map((row): ZoneFlagsFeature => {
    const observations = row.observations ?? [];
    const flags = judgeObservations(observations, params.date, params.freshDays);
    const current = observations.some((o) => !isStale(o.observed_on, params.date, params.freshDays));
    const level = observations.length === 0 ? 'none' : overallLevel(flags, current);
    return {
      type: 'Feature',
      id: row.zone_id,
      geometry: row.geometry,
      properties: {
        zone_id: row.zone_id,
        code: row.code,
        name: row.name,
        illustrative: row.illustrative,
        date: params.date,
        level,
        level_rank: LEVEL_RANK[level],
        rules: [...new Set(flags.filter((f) => !f.stale).map((f) => f.rule))].sort(),
        flags,
      },
    };
  });
  return { type: 'FeatureCollection', features };
}
