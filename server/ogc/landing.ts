import { JSON_TYPE, OPENAPI_TYPE, link, ogcUrl, type Link, type QueryValues } from './ogc-links.js';

export const TITLE = 'Kivu mining risk map';

/** The conformance classes of OGC API - Features - Part 1: Core 1.0 that this API implements (no HTML). */
export const CONFORMANCE_CLASSES = [
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
];

/**
 * /req/core/root-success: links to the API definition (`service-desc`), the conformance
 * declaration (`conformance`) and the collections (`data`). `carried` is the query every link
 * passes on (the profile, when the client named one).
 */
export function landingPage(base: string, carried: QueryValues): { title: string; description: string; links: Link[] } {
  return {
    title: TITLE,
    description:
      'Security and human-rights risk around artisanal mining zones in South Kivu, DR Congo: mining zones, cooperatives and their claims, ' +
      'security-force presence, incidents, transport routes, roadblocks and mine sites, as OGC API - Features. ' +
      'Risque sécuritaire et droits humains autour des zones d’exploitation artisanale au Sud-Kivu, RD Congo.',
    links: [
      link(ogcUrl(base, '', carried), 'self', JSON_TYPE, 'this document'),
      link(ogcUrl(base, '/api', carried), 'service-desc', OPENAPI_TYPE, 'the API definition (OpenAPI 3.0)'),
      link(ogcUrl(base, '/conformance', carried), 'conformance', JSON_TYPE, 'OGC API conformance classes implemented by this server'),
      link(ogcUrl(base, '/collections', carried), 'data', JSON_TYPE, 'the layers, as feature collections'),
    ],
  };
}

/** /req/core/conformance-success */
export function conformance(): { conformsTo: string[] } {
  return { conformsTo: [...CONFORMANCE_CLASSES] };
}
