import type { Feature } from 'geojson';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';

export interface DecodedFeature {
  id: number | undefined;
  properties: Record<string, string | number | boolean>;
  /** In WGS84, as the map would place it. */
  geometry: Feature['geometry'];
  /** In tile units (0…4096 inside the tile), for telling the tile from its buffer. */
  points: Array<{ x: number; y: number }>;
}

/** A tile's features, layer by layer, decoded by the Mapbox reference decoder (not by our encoder). */
export function decodeTile(body: Buffer | Uint8Array, tile: { z: number; x: number; y: number }): Record<string, DecodedFeature[]> {
  const decoded = new VectorTile(new PbfReader(body));
  const layers: Record<string, DecodedFeature[]> = {};
  for (const [name, layer] of Object.entries(decoded.layers)) {
    layers[name] = Array.from({ length: layer.length }, (_, i) => {
      const feature = layer.feature(i);
      return {
        id: feature.id,
        properties: feature.properties,
        geometry: feature.toGeoJSON(tile.x, tile.y, tile.z).geometry,
        points: feature
          .loadGeometry()
          .flat()
          .map((p) => ({ x: p.x, y: p.y })),
      };
    });
  }
  return layers;
}

/** The tile at a zoom that holds a point (XYZ, y from the north). */
export function tileAt(lon: number, lat: number, z: number): { z: number; x: number; y: number } {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const rad = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
  return { z, x, y };
}

/** West, south, east, north of a tile in degrees. */
export function tileBounds(tile: { z: number; x: number; y: number }): [number, number, number, number] {
  const n = 2 ** tile.z;
  const lon = (x: number) => (x / n) * 360 - 180;
  const lat = (y: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / n))) * 180) / Math.PI;
  return [lon(tile.x), lat(tile.y + 1), lon(tile.x + 1), lat(tile.y)];
}
