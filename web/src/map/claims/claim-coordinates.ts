/**
 * Reads a polygon typed or pasted as text: the keyboard path of the claim editor. Accepts
 * what people copy from other tools: a GeoJSON Polygon or Feature, one ring, or a bare list
 * of [lon, lat] pairs, closed or not.
 */
import type { Position } from 'geojson';
import type { MessageKey } from '../messages.js';

/** Says what is wrong as a message key, so the page can say it in either language. */
export class CoordinateError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: Record<string, string | number> = {},
  ) {
    super(key);
    this.name = 'CoordinateError';
  }
}

function ring(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    // [[[lon, lat], …]] (a polygon's rings): the outer ring.
    return Array.isArray(value[0]) && Array.isArray(value[0][0]) ? value[0] : value;
  }
  const object = value as { type?: unknown; geometry?: unknown; coordinates?: unknown };
  if (object.type === 'Feature') return ring(object.geometry);
  if (object.type === 'Polygon' && Array.isArray(object.coordinates)) return object.coordinates[0];
  throw new CoordinateError('coords.type', { type: String(object.type ?? '?') });
}

/** The vertices of the outer ring, without the closing repeat of the first one. */
export function parseRing(text: string): Position[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CoordinateError('coords.json', { message: error instanceof Error ? error.message : String(error) });
  }
  const positions = ring(value);
  if (!Array.isArray(positions)) throw new CoordinateError('coords.list');
  const vertices = positions.map((p: unknown, i) => {
    if (!Array.isArray(p) || p.length < 2 || typeof p[0] !== 'number' || typeof p[1] !== 'number') throw new CoordinateError('coords.position', { n: i + 1 });
    const [lon, lat] = p as [number, number];
    if (Math.abs(lon) > 180 || Math.abs(lat) > 90) throw new CoordinateError('coords.outside', { n: i + 1 });
    return [lon, lat];
  });
  const [first, last] = [vertices[0], vertices[vertices.length - 1]];
  if (vertices.length > 1 && first![0] === last![0] && first![1] === last![1]) vertices.pop();
  if (vertices.length < 3) throw new CoordinateError('coords.tooFew');
  return vertices;
}
