import type { ExportRequest } from './export-params.js';

/**
 * What travels with every export (docs/domain.md, sharing rule 4): who made it, when, with which
 * filters and profile, the licences of the data in it, and that an empty map is not a
 * peaceful one.
 */
export const LICENCES = [
  { source: 'ipis', licence: 'ODC-BY 1.0', attribution: 'IPIS (International Peace Information Service), open data on artisanal mining in eastern DR Congo' },
  { source: 'cami', licence: 'as published by Global Forest Watch', attribution: 'DRC mining cadastre (CAMI), via Global Forest Watch' },
  { source: 'demo', licence: 'this project', attribution: 'Illustrative scenario drawn after the Bitale case study; not observed data' },
];

export const NO_DATA_STATEMENT = 'No data is not no incidents: a place without records is a place without reports, not a place without harm.';

export function exportMetadata(request: ExportRequest, requestedBy: string, generatedAt: Date) {
  return {
    generated_at: generatedAt.toISOString(),
    generated_by: requestedBy,
    generator: 'Kivu mining risk map',
    profile: request.profile,
    filters: {
      layers: request.layers,
      bbox: request.bbox ?? null,
      polygon: request.polygon ?? null,
      as_of: request.asOf ?? null,
      incident_days: request.incidentDays ?? null,
      from: request.from ?? null,
      to: request.to ?? null,
    },
    licences: LICENCES,
    statement: NO_DATA_STATEMENT,
    precision:
      request.profile === 'partner' || request.profile === 'public'
        ? "Sensitive incidents are placed at the centre of a coarse grid cell and dated to the month; counts under 5 are withheld. See each feature's location_precision."
        : 'Coordinates as recorded, to 7 decimals.',
  };
}
