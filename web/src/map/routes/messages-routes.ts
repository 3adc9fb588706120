/**
 * The texts of the militarised-route overlay and of the presence filter, kept apart from the
 * other message lists so that each stays short. French first, as everywhere.
 */
import type { Localized } from '../../shared/language.js';

export const ROUTE_MESSAGES = {
  'routeRisk.title': { fr: 'Routes militarisées (analyse)', en: 'Militarised routes (analysis)' },
  'routeRisk.legend': {
    fr: 'Tronçon militarisé : barrière armée, acteur armé ou incidents à proximité (R8, R9) — trait épais vermillon, tirets, bord sombre',
    en: 'Militarised segment: armed roadblock, armed actor or incidents nearby (R8, R9) — thick vermillion dashes, dark edge',
  },
  'routeRisk.legendFar': {
    fr: 'Vu de loin : large bande rayée vermillon et noir sous le tronçon',
    en: 'Seen from afar: a wide vermillion-and-black striped band under the segment',
  },
  'routeRisk.popupLayer': { fr: 'Tronçon de route militarisé', en: 'Militarised route segment' },
  'routeRisk.segment': { fr: 'Tronçon {segment} sur {segments}', en: 'Segment {segment} of {segments}' },
  'routeRisk.rules': { fr: 'Règles déclenchées : {rules}', en: 'Rules fired: {rules}' },
  'routeRisk.evidence': { fr: 'Éléments de preuve', en: 'Evidence' },
  'routeRisk.share': { fr: '{km} km militarisés sur {total} km', en: '{km} km militarised of {total} km' },
  'routeEvidence.roadblockArmedTaxing': {
    fr: 'barrière armée taxant les minerais ({who}) à {metres} m',
    en: 'armed roadblock taxing minerals ({who}) {metres} m away',
  },
  'routeEvidence.roadblockArmed': { fr: 'barrière armée ({who}) à {metres} m', en: 'armed roadblock ({who}) {metres} m away' },
  'routeEvidence.roadblockTaxing': { fr: 'barrière taxant les minerais ({who}) à {metres} m', en: 'roadblock taxing minerals ({who}) {metres} m away' },
  'routeEvidence.presenceR1': {
    fr: 'R1 : présence militaire : {who} vu le {date}, à {metres} m',
    en: 'R1: military presence: {who} seen on {date}, {metres} m away',
  },
  'routeEvidence.presenceR2': {
    fr: 'R2 : ingérence illégale : {who} vu le {date}, à {metres} m',
    en: 'R2: illegal interference: {who} seen on {date}, {metres} m away',
  },
  'routeEvidence.presenceR3': { fr: 'R3 : groupe armé : {who} vu le {date}, à {metres} m', en: 'R3: armed group: {who} seen on {date}, {metres} m away' },
  'routeEvidence.incident': {
    fr: '{category} le {date}, à {metres} m ({count, plural, one {# incident} other {# incidents}} de ce type, {needed} au moins requis)',
    en: '{category} on {date}, {metres} m away ({count, plural, one {# such incident} other {# such incidents}}, at least {needed} needed)',
  },
  'presenceFilter.title': { fr: 'Présence sécuritaire : types d’acteur affichés', en: 'Security presence: actor types shown' },
  'presenceFilter.all': { fr: 'Tous', en: 'All' },
  'presenceFilter.none': { fr: 'Aucun', en: 'None' },
} satisfies Record<string, Localized>;
