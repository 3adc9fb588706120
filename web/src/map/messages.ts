/**
 * The map page's messages: its own table and those its features keep beside their code
 * (contested zones, export, incidents, routes), in French first and English. Every string the
 * page shows comes from here or from the data; the language state itself is shared. Messages
 * are ICU MessageFormat: `{name}` placeholders, and plurals as `{count, plural, one {…} other {…}}`.
 */
import { ANALYSIS_MESSAGES } from './contested/messages-analysis.js';
import { EXPORT_MESSAGES } from './export/messages-export.js';
import { INCIDENT_MESSAGES } from './incidents/messages-incidents.js';
import { ROUTE_MESSAGES } from './routes/messages-routes.js';
import { TIMELINE_MESSAGES } from './timeline/messages-timeline.js';
import { PERMIT_MESSAGES } from './permits/messages-permits.js';
import { getLang, translator, type Localized } from '../shared/language.js';

export { LANGUAGES, formatNumber, getLang, onLangChange, setLang, type Lang, type Localized } from '../shared/language.js';

export const UI = {
  'app.title': { fr: 'Carte des risques autour des zones minières artisanales', en: 'Risk map around artisanal mining zones' },
  // On a phone the header has one line for the title, the link and the languages.
  'app.titleShort': { fr: 'Carte des risques', en: 'Risk map' },
  'app.subtitle': { fr: 'Sud-Kivu, RD Congo — sécurité et droits humains', en: 'South Kivu, DR Congo — security and human rights' },
  'skip.map': { fr: 'Aller à la carte', en: 'Skip to the map' },
  'nav.priorities': { fr: 'Priorités pour la Police des mines →', en: 'Mining Police priorities →' },
  'nav.prioritiesShort': { fr: 'Priorités →', en: 'Priorities →' },
  'nav.cases': { fr: 'Dossiers →', en: 'Case files →' },
  'nav.casesShort': { fr: 'Dossiers →', en: 'Cases →' },
  'panel.label': { fr: 'Commandes et légende', en: 'Controls and legend' },
  // The panel as a bottom sheet on a phone (bottom-sheet.ts): its button says what a press does.
  'sheet.open': { fr: 'Ouvrir le panneau', en: 'Open the panel' },
  'sheet.expand': { fr: 'Agrandir le panneau', en: 'Expand the panel' },
  'sheet.collapse': { fr: 'Réduire le panneau', en: 'Collapse the panel' },
  'sheet.legend': { fr: 'Légende', en: 'Legend' },
  'sheet.loading': { fr: '{date} · chargement…', en: '{date} · loading…' },
  'sheet.count': {
    fr: '{date} · {count, plural, =0 {aucune zone contestée} one {# zone contestée} other {# zones contestées}}',
    en: '{date} · {count, plural, =0 {no contested zone} one {# contested zone} other {# contested zones}}',
  },
  'sheet.error': { fr: '{date} · zones contestées : analyse indisponible', en: '{date} · contested zones: analysis unavailable' },
  'date.label': { fr: 'Situation au', en: 'Situation as of' },
  'date.help': {
    fr: 'Seuls les enregistrements en vigueur à cette date sont affichés.',
    en: 'Only records in force on this date are shown.',
  },
  'date.invalid': { fr: 'Date invalide : utilisez AAAA-MM-JJ.', en: 'Invalid date: use YYYY-MM-DD.' },
  'status.loading': { fr: 'Chargement des couches…', en: 'Loading layers…' },
  'status.ready': {
    fr: '{count, plural, one {# élément affiché} other {# éléments affichés}} au {date}.',
    en: '{count, plural, one {# record} other {# records}} shown as of {date}.',
  },
  'status.error': { fr: 'Échec du chargement : {message}', en: 'Loading failed: {message}' },
  'notice.title': { fr: 'Données illustratives', en: 'Illustrative data' },
  'notice.body': {
    fr: 'Les éléments marqués « illustratif » sont dessinés à la main pour la démonstration : ce ne sont pas des observations.',
    en: 'Records marked “illustrative” are drawn by hand for the demonstration: they are not observed data.',
  },
  'notice.count': { fr: 'Données illustratives : {count} sur la carte', en: 'Illustrative data: {count} on the map' },
  'notice.tiled': {
    fr: '{layers} : trop d’éléments pour les dessiner un à un sur cette page ; la carte les lit par tuiles, et là où une tuile en contient trop, un cercle donne leur nombre. Zoomez pour les voir un à un.',
    en: '{layers}: too many records to draw one by one on this page; the map reads them by tiles, and where a tile holds too many, a circle gives their number. Zoom in to see them one by one.',
  },
  'notice.absence': {
    fr: 'L’absence de données ne signifie pas l’absence d’incidents.',
    en: 'No data is not the same as no incidents.',
  },
  'legend.title': { fr: 'Légende', en: 'Legend' },
  'legend.away': { fr: 'rien dans la vue', en: 'none in view' },
  'legend.zones.outline': { fr: 'Limite de ZEA (cadastre minier)', en: 'ZEA boundary (mining cadastre)' },
  'legend.permits.outline': {
    fr: 'Titre minier ou zone réservée (CAMI : PE, PR, ZRG…) : tirets gris, hachures verticales',
    en: 'Mining title or reserved zone (CAMI: PE, PR, ZRG…): grey dashes, vertical hatching',
  },
  'legend.claims.authorised': { fr: 'Coopérative agréée (trait plein, aplat)', en: 'Authorised cooperative (solid line, plain fill)' },
  'legend.claims.pending': { fr: 'Agrément en attente (tirets, hachures /)', en: 'Approval pending (dashed line, / hatching)' },
  'legend.claims.unrecognised': { fr: 'Coopérative non reconnue (pointillés, hachures \\)', en: 'Unrecognised cooperative (dotted line, \\ hatching)' },
  'legend.claims.overlap': { fr: 'Hachures superposées : revendications en conflit', en: 'Overlapping hatching: contested claims' },
  'legend.cooperatives.seat': { fr: 'Siège de coopérative', en: 'Cooperative seat' },
  'legend.routes.line': { fr: 'Route de transport (site → marché)', en: 'Transport route (site → market)' },
  'legend.sites.site': { fr: 'Site minier', en: 'Mine site' },
  'legend.sites.armed': {
    fr: 'Site minier : présence armée en cours à cette date (armée ou groupe armé, observation récente)',
    en: 'Mine site: armed presence current on this date (army or armed group, recent observation)',
  },
  'legend.sites.stale': {
    fr: 'Site minier : présence armée observée il y a longtemps (année indiquée), pas actuelle',
    en: 'Mine site: armed presence seen long ago (year shown), not current',
  },
  'legend.roadblocks.armed': {
    fr: 'Barrière militarisée : tenue par l’armée ou un groupe armé, ou taxant les minerais',
    en: 'Militarised roadblock: held by the army or an armed group, or taxing minerals',
  },
  'legend.roadblocks.other': { fr: 'Autre barrière', en: 'Other roadblock' },
  'legend.presence.danger': {
    fr: 'FARDC ou groupe armé : aucun rôle légal sur un site (alerte)',
    en: 'FARDC or armed group: no lawful role at a site (red flag)',
  },
  'legend.presence.pmh': { fr: 'PMH (Police des mines) : acteur attendu', en: 'PMH (Mining Police): expected actor' },
  'legend.presence.pnc': { fr: 'PNC : légale mais hors de son rôle (vigilance)', en: 'PNC: lawful but not its role (amber)' },
  'legend.presence.other': { fr: 'Autre acteur (privé, autre service, inconnu)', en: 'Other actor (private, other state, unknown)' },
  'legend.incidents.older': { fr: 'Estompé : survenu il y a plus de 90 jours', en: 'Faded: more than 90 days ago' },
  'legend.places.place': { fr: 'Localité de repère', en: 'Reference place' },
  'map.label': {
    fr: 'Carte. Flèches : déplacer ; + et − : zoomer ; Entrée : détails des éléments au centre.',
    en: 'Map. Arrows: pan; + and −: zoom; Enter: details of the features at the centre.',
  },
  'map.zoomIn': { fr: 'Zoom avant', en: 'Zoom in' },
  'map.zoomOut': { fr: 'Zoom arrière', en: 'Zoom out' },
  'map.resetBearing': { fr: 'Réorienter vers le nord', en: 'Reset bearing to north' },
  'popup.label': { fr: 'Détails des éléments sélectionnés', en: 'Details of the selected features' },
  'popup.close': { fr: 'Fermer', en: 'Close' },
  'popup.illustrative': { fr: 'Illustratif : dessiné à la main, non observé', en: 'Illustrative: drawn by hand, not observed' },
  'popup.more': {
    fr: '… et {count, plural, one {# autre élément} other {# autres éléments}} à cet endroit.',
    en: '… and {count, plural, one {# more record} other {# more records}} here.',
  },
  'value.yes': { fr: 'oui', en: 'yes' },
  'value.no': { fr: 'non', en: 'no' },
  ...ANALYSIS_MESSAGES,
  ...EXPORT_MESSAGES,
  ...ROUTE_MESSAGES,
  ...INCIDENT_MESSAGES,
  ...TIMELINE_MESSAGES,
  ...PERMIT_MESSAGES,
} satisfies Record<string, Localized>;

export type MessageKey = keyof typeof UI;

/** A UI message in the current language, with `{name}` placeholders filled in. */
export const t = translator<MessageKey>(UI);

/** A text that came in both languages (e.g. a layer title from the API). */
export function localize(text: Localized): string {
  return text[getLang()];
}
