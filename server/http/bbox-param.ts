import { Type } from 'typebox';
import { badRequest } from './errors.js';

const NUMBER = '-?\\d+(\\.\\d+)?';

/** The `bbox` query parameter of the layer API, the analyses and the exports: four plain decimals. */
export function bboxParam(description = 'minLon,minLat,maxLon,maxLat (WGS84)') {
  return Type.Optional(Type.String({ pattern: `^${NUMBER}(,${NUMBER}){3}$`, description }));
}

/**
 * "28.5,-2.4,29,-1.7" (already matched by bboxParam's pattern) → numbers, refused when inverted
 * or outside WGS84. The OGC API takes more (six numbers, boxes across the antimeridian) and
 * parses its own (server/ogc/ogc-query.ts).
 */
export function parseBbox(text: string): number[] {
  const bbox = text.split(',').map(Number);
  const [minX, minY, maxX, maxY] = bbox as [number, number, number, number];
  if (minX < -180 || maxX > 180 || minY < -90 || maxY > 90) throw badRequest('bbox lies outside WGS84 bounds (-180,-90,180,90)');
  if (minX > maxX || minY > maxY) throw badRequest('bbox must be minLon,minLat,maxLon,maxLat with min ≤ max');
  return bbox;
}
