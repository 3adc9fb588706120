/**
 * A filter of the security presence layer by actor type: one real checkbox per type (so Tab,
 * Space and screen readers work as for any form), applied as a MapLibre filter on every
 * layer that draws presence, on top of the filter each layer already has.
 */
import type { ExpressionSpecification, FilterSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { ActorType } from '../../server/domain/vocabulary.js';
import { el } from './dom.js';
import { localize, onLangChange, t } from './i18n.js';
import { valueLabel } from './field-labels.js';
import { mapLayerIds } from './layers.js';

/** In the server's order; tsc checks each is a known actor type. */
export const PRESENCE_ACTOR_TYPES = [
  'fardc',
  'pmh',
  'pnc',
  'private_security',
  'armed_group_local',
  'armed_group_foreign',
  'other_state',
  'unknown',
] as const satisfies readonly ActorType[];

export interface PresenceFilter {
  /** The actor types shown now. */
  readonly selected: readonly string[];
}

export function createPresenceFilter(container: HTMLElement, map: MapLibreMap): PresenceFilter {
  const layerIds = mapLayerIds('presence');
  const baseFilters = new Map(layerIds.map((id) => [id, map.getFilter(id) as FilterSpecification | undefined]));

  const fieldset = el('fieldset', 'presence-filter-set');
  const legend = el('legend', 'presence-filter-title');
  const list = el('div', 'presence-filter-options');
  const boxes: Array<[HTMLInputElement, HTMLSpanElement, string]> = [];
  for (const type of PRESENCE_ACTOR_TYPES) {
    const label = el('label', 'presence-filter-option');
    const box = el('input');
    box.type = 'checkbox';
    box.name = 'presence-actor-type';
    box.value = type;
    box.checked = true;
    box.addEventListener('change', apply);
    const text = el('span');
    label.append(box, text);
    list.append(label);
    boxes.push([box, text, type]);
  }
  const buttons = el('div', 'presence-filter-buttons');
  const all = el('button', 'presence-filter-all');
  const none = el('button', 'presence-filter-none');
  for (const [button, checked] of [[all, true], [none, false]] as const) {
    button.type = 'button';
    button.addEventListener('click', () => {
      for (const [box] of boxes) box.checked = checked;
      apply();
    });
    buttons.append(button);
  }
  fieldset.append(legend, list, buttons);
  container.append(fieldset);

  const selected = () => boxes.filter(([box]) => box.checked).map(([, , type]) => type);

  function apply(): void {
    const types = selected();
    const byType: ExpressionSpecification = ['in', ['get', 'actor_type'], ['literal', types]];
    for (const id of layerIds) {
      const base = baseFilters.get(id);
      // Every type ticked: back to the layer's own filter, which also shows types not listed here.
      const filter = types.length === PRESENCE_ACTOR_TYPES.length ? base : base ? (['all', base, byType] as FilterSpecification) : byType;
      map.setFilter(id, filter ?? null);
    }
  }

  const translate = () => {
    legend.textContent = t('presenceFilter.title');
    all.textContent = t('presenceFilter.all');
    none.textContent = t('presenceFilter.none');
    for (const [, text, type] of boxes) {
      const known = valueLabel('actor_type', type);
      text.textContent = known ? localize(known) : type;
    }
  };
  translate();
  onLangChange(translate);

  return {
    get selected() {
      return selected();
    },
  };
}
