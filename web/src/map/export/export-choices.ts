/**
 * What the export dialog's fields say, as the request takes it: the layers ticked, the profile
 * and format chosen, the map's view when the area is the view, and the dates as the map shows
 * them (its day and the incident filter's window) or the period typed.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { areaFields, dateFields, formatFields, layerFields, profileFields } from './export-fields.js';
import { EXPORT_LAYERS, viewBbox, type ExportChoices } from './export-request.js';

export interface ExportFields {
  layers: ReturnType<typeof layerFields>;
  area: ReturnType<typeof areaFields>;
  dates: ReturnType<typeof dateFields>;
  profile: ReturnType<typeof profileFields>;
  format: ReturnType<typeof formatFields>;
}

const checkedOf = <T extends string>(radios: Map<T, HTMLInputElement>, fallback: T): T => [...radios].find(([, input]) => input.checked)?.[0] ?? fallback;

export function readChoices(fields: ExportFields, map: MapLibreMap, view: { date: string; incidentDays: number } | null): ExportChoices {
  const { layers, area, dates, profile, format } = fields;
  const chosen: ExportChoices = {
    layers: EXPORT_LAYERS.filter((layer) => layers.boxes.get(layer)!.input.checked),
    profile: checkedOf(profile.radios, 'partner'),
    format: checkedOf(format.radios, 'geojson'),
  };
  if (area.radios.view.checked) chosen.bbox = viewBbox(map.getBounds().toArray());
  if (dates.radios.map.checked && view) {
    chosen.asOf = view.date;
    if (view.incidentDays > 0) chosen.incidentDays = view.incidentDays;
  } else if (dates.radios.range.checked) {
    if (dates.from.value) chosen.from = dates.from.value;
    if (dates.to.value) chosen.to = dates.to.value;
  }
  return chosen;
}
