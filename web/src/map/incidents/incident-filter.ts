/**
 * Filters of the incidents layer: by category, by verification status and by a window of
 * days before the map's date. Applied as a MapLibre filter on every layer that draws
 * incidents, and as a predicate over the records for the legend, the status line and the
 * chart, so that what is counted is what is drawn.
 */
import { addDays } from '../../shared/iso-dates.js';
import { RECENT_DAYS } from './incident-recency.js';
import type { ExpressionSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { LayerFeature } from '../../shared/api.js';
import { createChoiceGroup } from '../../shared/choice-group.js';
import { vocabulary } from '../contested/contested-reasons.js';
import { el, labelled } from '../../shared/dom.js';
import { onLangChange, t } from '../messages.js';
import { CATEGORIES, VERIFICATION_LEVELS } from './incident-vocabulary.js';
import { layerConditionSetter, type RecordFilter } from '../layers/layer-filter.js';

/** Days before the map's date, the date included; 0 is every date. */
export const INCIDENT_WINDOWS = [0, 30, 90, 365] as const;
export const DEFAULT_WINDOW = 365;

export interface IncidentFilter extends RecordFilter {
  /** Category and verification only: the chart keeps its own window of twelve months. */
  matchesKind(record: LayerFeature): boolean;
  /** The map's date, from which the window of days counts back. */
  setAsOf(date: string): void;
  /** The period chosen, in days up to the map's date; 0 for all history. */
  windowDays(): number;
  /** Chooses one of INCIDENT_WINDOWS (others are ignored), as the user would. */
  setWindowDays(days: number): void;
}

export { addDays };

export function createIncidentFilter(container: HTMLElement, map: MapLibreMap, onChange: () => void): IncidentFilter {
  const setCondition = layerConditionSetter(map, 'incidents');
  const heading = el('h2', 'incident-filter-heading');
  heading.id = 'incident-filter-title';
  container.setAttribute('aria-labelledby', heading.id);
  const categories = createChoiceGroup({
    prefix: 'incident-filter',
    name: 'incident-category',
    values: CATEGORIES,
    title: () => t('incidentFilter.categories'),
    label: (value) => vocabulary('category', value),
    all: () => t('incidentFilter.categories.all'),
    none: () => t('incidentFilter.categories.none'),
    onChange: apply,
  });
  const verifications = createChoiceGroup({
    prefix: 'incident-filter',
    name: 'incident-verification',
    values: VERIFICATION_LEVELS,
    title: () => t('incidentFilter.verification'),
    label: (value) => vocabulary('verification', value),
    all: () => t('incidentFilter.verification.all'),
    none: () => t('incidentFilter.verification.none'),
    onChange: apply,
  });
  const period = labelled('incident-window', el('select'));
  period.control.addEventListener('change', apply);
  const periodHelp = el('p', 'help');
  periodHelp.id = 'incident-window-help';
  period.control.setAttribute('aria-describedby', periodHelp.id);
  container.append(heading, categories.element, verifications.element, period.wrapper, periodHelp);

  let asOf: string | null = null;
  const windowDays = () => Number(period.control.value) || 0;
  /** The first day the window keeps, or null for every date. */
  const since = () => (asOf && windowDays() > 0 ? addDays(asOf, 1 - windowDays()) : null);

  function condition(): ExpressionSpecification | null {
    const parts: ExpressionSpecification[] = [];
    if (!categories.allSelected()) parts.push(['in', ['get', 'category'], ['literal', categories.selected()]]);
    if (!verifications.allSelected()) parts.push(['in', ['get', 'verification'], ['literal', verifications.selected()]]);
    const first = since();
    // ISO dates compare as strings.
    if (first) parts.push(['>=', ['to-string', ['get', 'occurred_on']], first]);
    if (parts.length === 0) return null;
    return parts.length === 1 ? parts[0]! : ['all', ...parts];
  }

  function apply(): void {
    setCondition(condition());
    translate();
    onChange();
  }

  function translate(): void {
    heading.textContent = t('incidentFilter.title');
    period.label.textContent = t('incidentFilter.window');
    // The last twelve months up to the page's date unless the user chose otherwise: all of history would fill today's map with 2018.
    const chosen = period.control.value || String(DEFAULT_WINDOW);
    period.control.replaceChildren(
      ...INCIDENT_WINDOWS.map((days) => new Option(days === 0 ? t('incidentFilter.window.all') : t('incidentFilter.window.days', { days }), String(days))),
    );
    period.control.value = chosen;
    const first = since();
    periodHelp.textContent = !asOf
      ? ''
      : `${first ? t('incidentFilter.window.range', { from: first, to: asOf }) : t('incidentFilter.window.until', { to: asOf })} ${t('incidentFilter.window.recent', { days: RECENT_DAYS })}`;
  }
  translate();
  onLangChange(translate);

  const matchesKind = (record: LayerFeature) =>
    (categories.allSelected() || (categories.selected() as string[]).includes(String(record.properties.category))) &&
    (verifications.allSelected() || (verifications.selected() as string[]).includes(String(record.properties.verification)));

  return {
    matchesKind,
    matches(record) {
      const first = since();
      return matchesKind(record) && (first === null || String(record.properties.occurred_on) >= first);
    },
    windowDays,
    setWindowDays(days) {
      if (!(INCIDENT_WINDOWS as readonly number[]).includes(days) || days === windowDays()) return;
      period.control.value = String(days);
      apply();
    },
    setAsOf(date) {
      if (date === asOf) return;
      asOf = date;
      // The window moves with the date; the page recounts after its own reload.
      setCondition(condition());
      translate();
    },
  };
}
