/**
 * A filter of the security presence layer by actor type: one checkbox per type, applied as a
 * MapLibre filter on every layer that draws presence, on top of the filter each layer already
 * has, and told to the page (`onChange`) so that the legend counts what is drawn.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { ACTOR_TYPES } from '../../../../server/domain/vocabulary.js';
import { createChoiceGroup } from '../../shared/choice-group.js';
import { localize, t } from '../messages.js';
import { valueLabel } from '../../shared/field-labels.js';
import { layerConditionSetter, type RecordFilter } from './layer-filter.js';

/** The server's actor types, in its order. */
export const PRESENCE_ACTOR_TYPES = ACTOR_TYPES;

export interface PresenceFilter extends RecordFilter {
  /** The actor types shown now. */
  readonly selected: readonly string[];
}

export function createPresenceFilter(container: HTMLElement, map: MapLibreMap, onChange: () => void = () => {}): PresenceFilter {
  const setCondition = layerConditionSetter(map, 'presence');
  const group = createChoiceGroup({
    prefix: 'presence-filter',
    name: 'presence-actor-type',
    values: PRESENCE_ACTOR_TYPES,
    title: () => t('presenceFilter.title'),
    label: (type) => {
      const known = valueLabel('actor_type', type);
      return known ? localize(known) : type;
    },
    all: () => t('presenceFilter.all'),
    none: () => t('presenceFilter.none'),
    onChange: apply,
  });
  container.append(group.element);

  function apply(): void {
    // Every type ticked: back to the layer's own filter, which also shows types not listed here.
    setCondition(group.allSelected() ? null : ['in', ['get', 'actor_type'], ['literal', group.selected()]]);
    onChange();
  }

  return {
    get selected() {
      return group.selected();
    },
    matches(record) {
      return group.allSelected() || (group.selected() as string[]).includes(String(record.properties.actor_type));
    },
  };
}
