/**
 * A militarised segment's evidence in the page's language (issue 14): the server sends the
 * facts (server/rules/r8-militarised-route.ts, `facts`) and its English sentence (`why`); the
 * page words the facts, and falls back on the sentence only for evidence it has no words for.
 */
import { vocabulary } from '../contested/contested-reasons.js';
import { formatNumber, t } from '../messages.js';

export type EvidenceFacts =
  | { kind: 'roadblock'; armed: boolean; taxes_minerals: boolean; operator_type: string; operator_name: string | null; distance_m: number }
  | { kind: 'presence'; flag: 'R1' | 'R2' | 'R3'; actor_type: string; actor_name: string | null; observed_on: string; distance_m: number }
  | { kind: 'incident'; category: string; occurred_on: string; distance_m: number; count: number; needed: number };

export interface SegmentEvidence {
  rule: string;
  layer: string;
  id: number;
  why: string;
  facts?: EvidenceFacts;
}

const actor = (type: string, name: string | null) => {
  const label = vocabulary('actor_type', type);
  return name ? `${name} (${label})` : label;
};

export function evidenceText(evidence: SegmentEvidence): string {
  const facts = evidence.facts;
  if (!facts) return evidence.why;
  const metres = formatNumber(facts.distance_m);
  switch (facts.kind) {
    case 'roadblock': {
      const what = facts.armed && facts.taxes_minerals ? 'routeEvidence.roadblockArmedTaxing' : facts.armed ? 'routeEvidence.roadblockArmed' : 'routeEvidence.roadblockTaxing';
      return t(what, { who: actor(facts.operator_type, facts.operator_name), metres });
    }
    case 'presence':
      return t(`routeEvidence.presence${facts.flag}`, { who: actor(facts.actor_type, facts.actor_name), date: facts.observed_on, metres });
    case 'incident':
      return t('routeEvidence.incident', {
        category: vocabulary('category', facts.category),
        date: facts.occurred_on,
        metres,
        count: facts.count,
        needed: facts.needed,
      });
  }
}
