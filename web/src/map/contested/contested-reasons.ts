/**
 * Why a zone is contested, in the reader's language. The server's reasons are English
 * sentences; the same facts come as structured fields, so the sentences are rebuilt here
 * from those. A rule or a piece of evidence this page does not know keeps the server's words.
 */
import { CONTESTED_PARAMS, type ContestedProperties, type NearbyPresence, type RuleHit } from './contested-api.js';
import { valueLabel } from '../../shared/field-labels.js';
import { formatNumber, localize, t, type MessageKey } from '../messages.js';

const RULE_TITLES: Record<string, MessageKey> = { R5: 'rule.R5', R6: 'rule.R6', R7: 'rule.R7' };

export function ruleTitle(rule: string): string {
  const key = RULE_TITLES[rule];
  return key ? t(key) : rule;
}

export function vocabulary(field: string, value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  const label = valueLabel(field, value);
  return label ? localize(label) : value;
}

export function actorText(presence: Pick<NearbyPresence, 'actor_name' | 'actor_type'>): string {
  const type = vocabulary('actor_type', presence.actor_type);
  return presence.actor_name ? t('details.actorNamed', { type, name: presence.actor_name }) : type;
}

export const km = (value: number) => formatNumber(value, 1);
export const ha = (value: number) => formatNumber(value, 1);

export function severityReason(p: ContestedProperties): string {
  if (p.severity === 'critical') {
    return t('reason.critical', { count: p.incidents.length, km: CONTESTED_PARAMS.near_km, days: CONTESTED_PARAMS.incident_days, date: p.date });
  }
  return t(`reason.${p.severity}`);
}

function cooperativeName(p: ContestedProperties, id: number | null): string | undefined {
  return p.claimants.find((c) => c.cooperative_id === id)?.cooperative_name;
}

function r6Statement(p: ContestedProperties, evidence: RuleHit['evidence'][number]): string {
  const presence = p.presence.find((x) => x.presence_id === evidence.id);
  if (!presence) return evidence.why;
  const actor = actorText(presence);
  const linked = cooperativeName(p, presence.linked_cooperative_id);
  if (linked && presence.link_kind) return t('reason.r6Linked', { actor, link: vocabulary('link_kind', presence.link_kind), cooperative: linked });
  return presence.distance_km === 0 ? t('reason.r6Inside', { actor }) : t('reason.r6Near', { actor, km: km(presence.distance_km) });
}

function r7Statement(p: ContestedProperties, evidence: RuleHit['evidence'][number]): string {
  if (evidence.layer === 'cooperatives') {
    const claimant = p.claimants.find((c) => c.cooperative_id === evidence.id);
    if (!claimant) return evidence.why;
    return t('reason.r7Claimant', {
      cooperative: claimant.cooperative_name,
      status: vocabulary('legal_status', claimant.legal_status),
      zones: p.zones.map((z) => z.code).join(', '),
    });
  }
  if (evidence.layer === 'claims') return p.zones.length === 0 ? t('reason.r7Outside') : t('reason.r7OutsidePart', { area: ha(p.outside_zea_ha) });
  return evidence.why;
}

/** One sentence per distinct fact behind a rule (R7 gives the same fact once per claim). */
export function ruleStatements(p: ContestedProperties, hit: RuleHit): string[] {
  if (hit.rule === 'R5') {
    const names = [...new Map(p.claimants.map((c) => [c.cooperative_id, c.cooperative_name])).values()];
    return [t('reason.r5', { count: names.length, area: ha(p.area_ha), names: names.join(', ') })];
  }
  if (hit.rule === 'R6') return [...new Set(hit.evidence.map((e) => r6Statement(p, e)))];
  if (hit.rule === 'R7') return [...new Set(hit.evidence.map((e) => r7Statement(p, e)))];
  return [hit.reason];
}
