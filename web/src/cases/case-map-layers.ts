/**
 * What the case map draws, bottom first: the ZEA (dashed outline), the claims (filled in their
 * claimant's legal-standing colour), presence areas, then sites and towns, presence and
 * incidents as discs of different sizes and colours (Okabe–Ito), and a thick black ring round
 * what the chosen step cites. What is not in force on the step's day stays, pale.
 */
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { COLOURS, LEGAL_STATUS_COLOURS } from '../shared/palette.js';

export const SHAPES_SOURCE = 'case-shapes';

const kindIs = (kind: string): ExpressionSpecification => ['==', ['get', 'kind'], kind];
const isArea: ExpressionSpecification = ['match', ['geometry-type'], ['Polygon', 'MultiPolygon'], true, false];
const isPoint: ExpressionSpecification = ['match', ['geometry-type'], ['Point', 'MultiPoint'], true, false];
const fade = (on: number, off: number): ExpressionSpecification => ['case', ['get', 'in_force'], on, off];
const legalColour: ExpressionSpecification = [
  'match',
  ['get', 'legal_status'],
  'authorised',
  LEGAL_STATUS_COLOURS.authorised,
  'pending',
  LEGAL_STATUS_COLOURS.pending,
  'unrecognised',
  LEGAL_STATUS_COLOURS.unrecognised,
  COLOURS.grey,
];

export const PRESENCE_COLOUR = COLOURS.blue;
export const INCIDENT_COLOUR = COLOURS.vermillion;

export const CASE_LAYERS: LayerSpecification[] = [
  {
    id: 'case-zone-fill',
    type: 'fill',
    source: SHAPES_SOURCE,
    filter: ['all', kindIs('zone'), isArea],
    paint: { 'fill-color': COLOURS.grey, 'fill-opacity': 0.12 },
  },
  {
    id: 'case-zone-line',
    type: 'line',
    source: SHAPES_SOURCE,
    filter: ['all', kindIs('zone'), isArea],
    paint: { 'line-color': COLOURS.ink, 'line-width': 1.5, 'line-dasharray': [3, 2] },
  },
  {
    id: 'case-claim-fill',
    type: 'fill',
    source: SHAPES_SOURCE,
    filter: ['all', kindIs('claim'), isArea],
    paint: { 'fill-color': legalColour, 'fill-opacity': fade(0.3, 0.05) },
  },
  {
    id: 'case-claim-line',
    type: 'line',
    source: SHAPES_SOURCE,
    filter: ['all', kindIs('claim'), isArea],
    paint: { 'line-color': legalColour, 'line-width': 2.5, 'line-opacity': fade(1, 0.3) },
  },
  {
    id: 'case-presence-fill',
    type: 'fill',
    source: SHAPES_SOURCE,
    filter: ['all', kindIs('presence'), isArea],
    paint: { 'fill-color': PRESENCE_COLOUR, 'fill-opacity': fade(0.3, 0.05) },
  },
  {
    id: 'case-presence-line',
    type: 'line',
    source: SHAPES_SOURCE,
    filter: ['all', kindIs('presence'), isArea],
    paint: { 'line-color': PRESENCE_COLOUR, 'line-width': 1.5, 'line-dasharray': [2, 1], 'line-opacity': fade(1, 0.3) },
  },
  {
    id: 'case-cited-area',
    type: 'line',
    source: SHAPES_SOURCE,
    filter: ['all', ['get', 'cited'], isArea],
    paint: { 'line-color': COLOURS.black, 'line-width': 4 },
  },
  {
    id: 'case-site',
    type: 'circle',
    source: SHAPES_SOURCE,
    filter: ['all', ['match', ['get', 'kind'], ['site', 'town'], true, false], isPoint],
    paint: {
      'circle-radius': 5,
      'circle-color': ['case', ['==', ['get', 'kind'], 'town'], COLOURS.grey, COLOURS.white],
      'circle-stroke-color': COLOURS.ink,
      'circle-stroke-width': 2,
    },
  },
  {
    id: 'case-presence-point',
    type: 'circle',
    source: SHAPES_SOURCE,
    filter: ['all', kindIs('presence'), isPoint],
    paint: {
      'circle-radius': 8,
      'circle-color': PRESENCE_COLOUR,
      'circle-stroke-color': COLOURS.white,
      'circle-stroke-width': 2,
      'circle-opacity': fade(1, 0.25),
      'circle-stroke-opacity': fade(1, 0.25),
    },
  },
  {
    id: 'case-incident',
    type: 'circle',
    source: SHAPES_SOURCE,
    filter: ['all', kindIs('incident'), isPoint],
    paint: {
      'circle-radius': 5,
      'circle-color': INCIDENT_COLOUR,
      'circle-stroke-color': COLOURS.white,
      'circle-stroke-width': 1.5,
      'circle-opacity': fade(1, 0.25),
      'circle-stroke-opacity': fade(1, 0.25),
    },
  },
  {
    id: 'case-cited-point',
    type: 'circle',
    source: SHAPES_SOURCE,
    filter: ['all', ['get', 'cited'], isPoint],
    paint: { 'circle-radius': 11, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': COLOURS.black, 'circle-stroke-width': 3 },
  },
];
