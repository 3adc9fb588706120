/**
 * Feature details. Every text that comes from the data enters the page through
 * `textContent`, never as HTML: a record's name may be anything, including markup.
 */
import { Popup, type Map as MapLibreMap, type MapGeoJSONFeature, type PointLike } from 'maplibre-gl';
import type { LayerFeature } from '../../shared/api.js';
import { el } from '../../shared/dom.js';
import { fieldLabel, valueLabel } from '../../shared/field-labels.js';
import { formatNumber, localize, t, type Localized } from '../messages.js';
import { INTERACTIVE_LAYER_IDS, TILE_SOURCE_SUFFIX, dataLayerOf, type DataLayerName } from './layers.js';

/** What the popup needs to know beyond the clicked features. */
export interface PopupContext {
  /** The layer's title in both languages. */
  title(layer: DataLayerName): Localized;
  /** The full record as the API sent it (the map's copy has nested properties flattened). */
  record(layer: DataLayerName, id: number): LayerFeature | undefined;
  /** Sections of analysis overlays drawn at the pixel (militarised routes…), shown first. */
  sectionsAt?(point: PointLike): HTMLElement[];
  /** Controls that act on a record (change an incident…), shown under its heading. */
  actions?(layer: DataLayerName, record: LayerFeature): HTMLElement[];
}

/** Shown as the heading or badge, or not useful to a reader. */
const HIDDEN_FIELDS = new Set(['illustrative', 'created_at', 'presence_state', 'presence_year', 'cooperative_id']);
/** Ids of other records, shown by the referenced record's name. */
const REFERENCES: Record<string, { layer: DataLayerName; name: string[] }> = {
  zone_id: { layer: 'zones', name: ['code', 'name'] },
  site_id: { layer: 'sites', name: ['name'] },
  route_id: { layer: 'routes', name: ['name'] },
  linked_cooperative_id: { layer: 'cooperatives', name: ['name'] },
};
/** What a reader looks for first; provenance comes last. Fields in neither list keep the API's order. */
const FIRST_FIELDS = [
  'cooperative_name',
  'legal_status',
  'actor_type',
  'actor_name',
  'operator_type',
  'operator_name',
  'taxes_minerals',
  'category',
  'occurred_on',
  'perpetrator_type',
  'latest_visit',
  'status',
  'qualification',
  'holder',
  'permit_type',
  'permit_status',
];
const LAST_FIELDS = ['description', 'notes', 'source', 'source_id', 'updated_at'];

function fieldRank(field: string): number {
  const first = FIRST_FIELDS.indexOf(field);
  if (first >= 0) return first - FIRST_FIELDS.length;
  const last = LAST_FIELDS.indexOf(field);
  return last >= 0 ? 1 + last : 0;
}

/** At most this many records in one popup, so it never covers the whole map. */
const MAX_RECORDS = 6;

/** The heading of a record: the first of these properties it has. */
const NAME_FIELDS = ['name', 'code', 'cooperative_name', 'actor_name', 'operator_name'];

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

function label(field: string): string {
  const known = fieldLabel(field);
  return known ? localize(known) : field.replace(/_/g, ' ');
}

/** One value as text: vocabulary words translated, dates and numbers as written locally. */
function scalarText(field: string, value: unknown): string {
  if (typeof value === 'boolean') return t(value ? 'value.yes' : 'value.no');
  if (typeof value === 'number') {
    const vocabulary = valueLabel(field, String(value));
    return vocabulary ? localize(vocabulary) : formatNumber(value);
  }
  const text = String(value);
  if (field.endsWith('_at')) return text.slice(0, 10);
  const vocabulary = valueLabel(field, text);
  return vocabulary ? localize(vocabulary) : text;
}

function referenceText(field: string, id: unknown, context: PopupContext): string {
  const reference = REFERENCES[field]!;
  const record = typeof id === 'number' ? context.record(reference.layer, id) : undefined;
  const name = reference.name.map((n) => record?.properties[n]).find((v) => typeof v === 'string' && v !== '');
  return typeof name === 'string' ? name : `#${String(id)}`;
}

/** A definition list of an object's properties; nested objects and lists of objects nest. */
function propertyList(properties: Record<string, unknown>, context: PopupContext, skip: ReadonlySet<string> = new Set()): HTMLDListElement {
  const list = el('dl', 'popup-properties');
  // A stable sort: fields of equal rank keep the API's order.
  const entries = Object.entries(properties).sort(([a], [b]) => fieldRank(a) - fieldRank(b));
  for (const [field, value] of entries) {
    if (HIDDEN_FIELDS.has(field) || skip.has(field) || isEmpty(value)) continue;
    const dd = el('dd');
    if (field in REFERENCES) {
      dd.textContent = referenceText(field, value, context);
    } else if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) {
      dd.textContent = value.map((v) => scalarText(field, v)).join(', ');
    } else if (Array.isArray(value)) {
      const items = el('ul', 'popup-nested');
      for (const item of value) {
        const li = el('li');
        li.append(
          typeof item === 'object' && item !== null ? propertyList(item as Record<string, unknown>, context) : document.createTextNode(scalarText(field, item)),
        );
        items.append(li);
      }
      dd.append(items);
    } else if (typeof value === 'object') {
      dd.append(propertyList(value as Record<string, unknown>, context));
    } else {
      dd.textContent = scalarText(field, value);
    }
    const dt = el('dt', undefined, label(field));
    if (LAST_FIELDS.includes(field) && field !== 'description') dt.className = dd.className = 'popup-provenance';
    list.append(dt, dd);
  }
  return list;
}

function recordSection(layer: DataLayerName, record: LayerFeature, context: PopupContext): HTMLElement {
  const section = el('section', 'popup-record');
  section.dataset.layer = layer;
  const nameField = NAME_FIELDS.find((f) => typeof record.properties[f] === 'string' && record.properties[f] !== '');
  const fallback = layer === 'incidents' ? scalarText('category', record.properties.category) : `#${record.id}`;
  const heading = nameField ? String(record.properties[nameField]) : fallback;
  section.append(el('p', 'popup-layer', localize(context.title(layer))), el('h3', 'popup-name', heading));
  if (record.properties.illustrative === true) section.append(el('p', 'popup-illustrative', t('popup.illustrative')));
  const actions = context.actions?.(layer, record) ?? [];
  if (actions.length) {
    const bar = el('p', 'popup-actions');
    bar.append(...actions);
    section.append(bar);
  }
  // The heading already says the name; listing it again only lengthens the popup.
  section.append(propertyList(record.properties, context, new Set(nameField ? [nameField] : [])));
  return section;
}

/** The records under a point of the map, each once (a route is drawn by two layers). */
export function recordsAt(map: MapLibreMap, point: PointLike, context: PopupContext): Array<[DataLayerName, LayerFeature]> {
  // A layer drawn from tiles has its style layers' copies (tiled-layers.ts) under the same names plus the suffix.
  const layers = [...INTERACTIVE_LAYER_IDS, ...INTERACTIVE_LAYER_IDS.map((id) => `${id}${TILE_SOURCE_SUFFIX}`).filter((id) => map.getLayer(id))];
  const features: MapGeoJSONFeature[] = map.queryRenderedFeatures(point, { layers });
  const seen = new Set<string>();
  const records: Array<[DataLayerName, LayerFeature]> = [];
  for (const feature of features) {
    const layer = dataLayerOf(feature.source);
    const id = Number(feature.id);
    const key = `${layer}/${id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const record = context.record(layer, id);
    if (record) records.push([layer, record]);
  }
  return records;
}

/** Room taken by the popup's tip, padding and a margin from the map's edge, px. */
const POPUP_CHROME = 48;

/**
 * The tallest the popup's content may be: the larger of the spaces above and below the point,
 * so that with the anchor chosen automatically it always fits inside the map and scrolls.
 */
function popupMaxHeight(map: MapLibreMap, point: PointLike): number {
  const y = Array.isArray(point) ? point[1] : point.y;
  const height = map.getContainer().clientHeight;
  return Math.max(120, Math.max(y, height - y) - POPUP_CHROME);
}

/** The widest a popup gets, and the room it leaves at the map's sides on a map narrower than that (a phone), px. */
const POPUP_WIDTH = 360;
const POPUP_SIDE_MARGIN = 12;

/**
 * MapLibre puts a popup beside its point, or centred over it; on a map less than twice its
 * width neither may fit and it runs off a side. Then the map moves the point to the middle,
 * where the popup, no wider than the map less its margins, fits centred. Deferred until the
 * click's own queries and moves are done: they read the view the click was made on, and a
 * contested zone may fit the map to itself.
 */
function keepInside(map: MapLibreMap, popup: Popup): void {
  const check = () => {
    const element = popup.getElement();
    if (!popup.isOpen() || !element) return;
    const box = element.getBoundingClientRect();
    const frame = map.getContainer().getBoundingClientRect();
    // On a map narrower than two popups no side fits, whatever fits now: MapLibre picks the
    // anchor again at each drawing, from the content's final width (a popup measured at 30–390
    // px was seen drawn at 152–512 a moment later). There the point always goes to the middle.
    const narrow = frame.width < 2 * POPUP_WIDTH;
    if (!narrow && box.left >= frame.left && box.right <= frame.right) return;
    const offset = map.project(popup.getLngLat()).x - frame.width / 2;
    if (Math.abs(offset) > 1) map.panBy([offset, 0]);
  };
  queueMicrotask(() => (map.isMoving() ? void map.once('moveend', check) : check()));
}

export interface FeaturePopup {
  /** Opens the details of whatever lies at the pixel; closes the popup when nothing does. */
  openAt(point: PointLike): boolean;
  close(): void;
}

export function createFeaturePopup(map: MapLibreMap, context: PopupContext): FeaturePopup {
  let popup: Popup | null = null;
  return {
    openAt(point) {
      popup?.remove();
      popup = null;
      const records = recordsAt(map, point, context);
      const extra = context.sectionsAt?.(point) ?? [];
      if (records.length === 0 && extra.length === 0) return false;
      const content = el('div', 'popup-content');
      content.setAttribute('role', 'dialog');
      content.setAttribute('aria-label', t('popup.label'));
      content.append(...extra);
      for (const [layer, record] of records.slice(0, MAX_RECORDS)) content.append(recordSection(layer, record, context));
      if (records.length > MAX_RECORDS) content.append(el('p', 'popup-more', t('popup.more', { count: records.length - MAX_RECORDS })));
      content.style.maxHeight = `${popupMaxHeight(map, point)}px`;
      // A new popup each time: re-adding one during the click that opens it lets its own
      // close-on-click handler, already queued for that click, close it again at once.
      // No fixed anchor: MapLibre puts the popup on the side where it fits.
      const maxWidth = Math.min(POPUP_WIDTH, map.getContainer().clientWidth - 2 * POPUP_SIDE_MARGIN);
      popup = new Popup({ maxWidth: `${maxWidth}px`, focusAfterOpen: true, closeOnClick: true, className: 'feature-popup' });
      popup.setLngLat(map.unproject(point)).setDOMContent(content).addTo(map);
      keepInside(map, popup);
      const close = popup.getElement()?.querySelector<HTMLButtonElement>('.maplibregl-popup-close-button');
      if (close) {
        close.title = t('popup.close');
        close.setAttribute('aria-label', t('popup.close'));
      }
      return true;
    },
    close() {
      popup?.remove();
      popup = null;
    },
  };
}
