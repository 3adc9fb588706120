/**
 * The texts of the timeline strip (timeline-strip.ts), French first. Month names come from
 * the browser's Intl in the page's language.
 */
import type { Localized } from '../../shared/language.js';

export const TIMELINE_MESSAGES = {
  'timeline.title': { fr: 'Chronologie de la zone visible', en: 'Timeline of the area in view' },
  'timeline.help': {
    fr: 'Chaque colonne est un mois, jugé à son dernier jour par les mêmes analyses que la carte ; plus la case est foncée, plus le nombre est grand. Cliquez un mois (ou flèches puis Entrée) pour afficher la carte à cette date.',
    en: 'Each column is a month, judged on its last day by the same analyses as the map; the darker the cell, the larger the number. Click a month (or arrows then Enter) to show the map on that date.',
  },
  'timeline.row.contested': { fr: 'Zones contestées', en: 'Contested zones' },
  'timeline.row.militarised_km': { fr: 'Routes militarisées (km)', en: 'Militarised roads (km)' },
  'timeline.row.armed_sites': { fr: 'Sites avec présence armée', en: 'Sites with armed presence' },
  'timeline.row.incidents': { fr: 'Incidents du mois', en: 'Incidents in the month' },
  'timeline.month': {
    fr: '{month} : {contested, plural, =0 {aucune zone contestée} one {# zone contestée} other {# zones contestées}}, {km} km de routes militarisées, {sites, plural, =0 {aucun site} one {# site} other {# sites}} avec présence armée, {incidents, plural, =0 {aucun incident} one {# incident} other {# incidents}}',
    en: '{month}: {contested, plural, =0 {no contested zone} one {# contested zone} other {# contested zones}}, {km} km of militarised roads, {sites, plural, =0 {no site} one {# site} other {# sites}} with armed presence, {incidents, plural, =0 {no incident} one {# incident} other {# incidents}}',
  },
  'timeline.peak': { fr: 'Aller au pic : {month}', en: 'Go to the peak: {month}' },
  'timeline.noPeak': { fr: 'Rien de signalé dans la zone visible sur ces dix ans.', en: 'Nothing flagged in the area in view over these ten years.' },
  'timeline.play': { fr: 'Lecture mois par mois', en: 'Play month by month' },
  'timeline.pause': { fr: 'Pause', en: 'Pause' },
  'timeline.loading': { fr: 'Chronologie : calcul en cours…', en: 'Timeline: working it out…' },
  'timeline.error': { fr: 'Chronologie indisponible : {message}', en: 'Timeline unavailable: {message}' },
  'timeline.zoomIn': {
    fr: 'Chronologie : zoomez (niveau {zoom} au moins) pour la calculer sur la zone visible.',
    en: 'Timeline: zoom in (level {zoom} at least) to work it out for the area in view.',
  },
} satisfies Record<string, Localized>;
