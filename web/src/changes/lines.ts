/**
 * Each change as one line of words in the page's language, built from its fields: what it is,
 * what happened to it, its rules and how severe it was and is. Names come as the data writes
 * them (the caller puts the line in as text); incident categories take the vocabulary's labels.
 */
import { valueLabel } from '../shared/field-labels.js';
import { getLang } from '../shared/language.js';
import type { Change } from './api.js';
import type { MessageKey } from './messages.js';
import { formatNumber, t } from './translate.js';

const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
const SITE_FLAGS = ['R1', 'R2', 'R3', 'R4'] as const;

/** A severity in words; one the page does not know (a newer server) as the server names it. */
export function severityText(severity: string | null): string {
  if (severity === null) return '–';
  return (SEVERITIES as readonly string[]).includes(severity) ? t(`severity.${severity as (typeof SEVERITIES)[number]}`) : severity;
}

/** A site's rules in words: "présence de l’armée (R1) et groupe armé (R3)". */
export function flagsText(rules: readonly string[]): string {
  const words = rules.map((rule) => ((SITE_FLAGS as readonly string[]).includes(rule) ? t(`flag.${rule as (typeof SITE_FLAGS)[number]}`) : rule));
  return words.join(t('flag.and'));
}

/** An incident's category as the vocabulary words it, or its code when the vocabulary does not know it. */
export function categoryText(category: string | null): string {
  if (category === null) return '–';
  return valueLabel('category', category)?.[getLang()] ?? category;
}

/** Kilometres as the API rounds them (two decimals), written as the language writes numbers. */
const km = (value: number | null) => formatNumber(value ?? 0, 2);

/** The line for one change. */
export function changeLine(change: Change): string {
  const rules = change.rules.join(', ');
  switch (change.kind) {
    case 'contested': {
      const key = `line.contested.${change.change}` as MessageKey;
      const known = ['appeared', 'worsened', 'eased', 'ended'].includes(change.change);
      return t(known ? key : 'line.contested.appeared', {
        name: change.name,
        rules,
        before: severityText(change.severity_before),
        after: severityText(change.severity_after),
        date: change.date,
      });
    }
    case 'site':
      return t(change.change === 'cleared' ? 'line.site.cleared' : 'line.site.rose', {
        name: change.name,
        flags: flagsText(change.rules),
        count: change.rules.length,
      });
    case 'route':
      return t(change.change === 'cleared' ? 'line.route.cleared' : 'line.route.rose', {
        name: change.name,
        before: km(change.km_before),
        after: km(change.km_after),
        rules,
      });
    case 'incident':
      return t('line.incident', { category: categoryText(change.category ?? change.name), date: change.date });
  }
}
