import type { Feature } from 'geojson';

/**
 * An RFC 7946 FeatureCollection written as it is read: the head (metadata, bbox) first,
 * then each feature as it arrives, so memory holds one page, not the export. The features
 * come from featureSql already conformant: counter-clockwise exterior rings, 7 decimals,
 * WGS84 and no `crs` member.
 */
export async function* geojsonText(head: { layer: string; bbox: number[] | null; metadata: object }, features: AsyncIterable<Feature>): AsyncGenerator<string> {
  const bbox = head.bbox ? `,"bbox":${JSON.stringify(head.bbox)}` : '';
  yield `{"type":"FeatureCollection","name":${JSON.stringify(head.layer)}${bbox},"metadata":${JSON.stringify(head.metadata)},"features":[`;
  let first = true;
  for await (const feature of features) {
    yield (first ? '\n' : ',\n') + JSON.stringify(feature);
    first = false;
  }
  yield '\n]}\n';
}
