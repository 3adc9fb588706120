/**
 * A militarised segment's evidence in the page's language (issue 14): the server sends the
 * facts (server/rules/r8-militarised-route.ts, `facts`) and its English sentence (`why`); the
 * page words the facts, and falls back on the sentence only for evidence it has no words for.
 */
import type { EvidenceFacts, SegmentEvidence } from '../../../../server/analysis/militarised-routes/militarised-routes-schema.js';
import { vocabulary } from '../contested/contested-reasons.js';
import { formatNumber, t } from '../messages.js';

/** The server's own shapes (server/analysis/militarised-routes/militarised-routes-schema.ts; type-only). */
export type { EvidenceFacts, SegmentEvidence };

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
      const what =
        facts.armed && facts.taxes_minerals
          ? 'routeEvidence.roadblockArmedTaxing'
          : facts.armed
            ? 'routeEvidence.roadblockArmed'
            : 'routeEvidence.roadblockTaxing';
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
