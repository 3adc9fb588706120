/**
 * The records a step rests on, in words, from the properties the server sends with each
 * reference (`record`): an incident's day, category and who did it; a presence record's actor
 * and period; a claim's name, cooperative and standing. Nothing here is HTML: the callers put
 * these strings in through textContent.
 */
import type { RecordRef } from './cases-api.js';
import { formatNumber, t, vocabulary } from './translate.js';

const str = (value: unknown): string => (typeof value === 'string' ? value : '');

export function period(from: unknown, to: unknown): string {
  if (!str(from)) return '';
  return str(to) ? t('record.periodClosed', { from: str(from), to: str(to) }) : t('record.periodOpen', { from: str(from) });
}

export function presenceActor(record: Record<string, unknown>): string {
  const type = vocabulary('actor_type', record.actor_type);
  return str(record.actor_name) ? t('record.presenceNamed', { type, name: str(record.actor_name) }) : type;
}

/** One line for a reference; `cooperatives` names the ids the case's parties carry. */
export function describeRecord(ref: RecordRef, cooperatives: ReadonlyMap<number, string>): string {
  const r = ref.record;
  if (!r) return t('record.gone', { layer: t(`layer.${ref.layer}`), id: ref.id });
  if (ref.layer === 'incidents') {
    const parts = [t('record.incident', { date: str(r.occurred_on), category: vocabulary('category', r.category) })];
    if (str(r.sub_category)) parts.push(str(r.sub_category));
    const perpetrator = vocabulary('perpetrator_type', r.perpetrator_type);
    if (perpetrator) parts.push(t('record.incidentBy', { perpetrator }));
    if (typeof r.victims === 'number' && r.victims > 0) parts.push(t('record.victims', { count: r.victims }));
    const verification = vocabulary('verification', r.verification);
    if (verification) parts.push(verification);
    return parts.join(' — ');
  }
  if (ref.layer === 'presence') {
    const parts = [t('record.presence', { actor: presenceActor(r), period: period(r.valid_from, r.valid_to) })];
    const cooperative = typeof r.linked_cooperative_id === 'number' ? cooperatives.get(r.linked_cooperative_id) : undefined;
    if (cooperative && str(r.link_kind)) parts.push(t('record.presenceLinked', { link: vocabulary('link_kind', r.link_kind), cooperative }));
    const behaviours = Array.isArray(r.behaviours) ? r.behaviours.map((b) => vocabulary('behaviours', b)).filter(Boolean) : [];
    if (behaviours.length) parts.push(behaviours.join(', '));
    return parts.join(' — ');
  }
  const cooperative = str(r.cooperative_name) || (typeof r.cooperative_id === 'number' ? (cooperatives.get(r.cooperative_id) ?? `#${r.cooperative_id}`) : '');
  const params = {
    cooperative,
    status: vocabulary('legal_status', r.legal_status) || vocabulary('status', r.status),
    period: period(r.valid_from, r.valid_to),
  };
  const line = str(r.name) ? t('record.claim', { name: str(r.name), ...params }) : t('record.claimUnnamed', { id: ref.id, ...params });
  return typeof r.area_ha === 'number' ? `${line} — ${formatNumber(r.area_ha, 1)} ha` : line;
}
