/**
 * The texts of the export dialog, kept apart from i18n.ts like the analysis texts.
 * French first, as everywhere. The profile lines say in one breath what README.md,
 * "Sharing profiles and exports", says at length.
 */
import type { Localized } from '../../shared/language.js';

export const EXPORT_MESSAGES = {
  'export.open': { fr: 'Exporter / Export', en: 'Exporter / Export' },
  'export.title': { fr: 'Exporter des données', en: 'Export data' },
  'export.close': { fr: 'Fermer', en: 'Close' },
  'export.layers': { fr: 'Couches', en: 'Layers' },
  'export.area': { fr: 'Zone', en: 'Area' },
  'export.area.view': { fr: 'Vue actuelle de la carte', en: 'Current map view' },
  'export.area.all': { fr: 'Tout', en: 'Everything' },
  'export.dates': { fr: 'Dates', en: 'Dates' },
  'export.dates.help': {
    fr: 'Vide : toutes les dates. Enregistrements en vigueur ou survenus dans l’intervalle.',
    en: 'Empty: every date. Records in force or occurring within the range.',
  },
  'export.dates.map': {
    fr: 'Comme la carte : situation au {date}, incidents des {days} derniers jours',
    en: 'As on the map: the situation on {date}, incidents of the last {days} days',
  },
  'export.dates.mapAll': {
    fr: 'Comme la carte : situation au {date}, tous les incidents jusqu’à cette date',
    en: 'As on the map: the situation on {date}, every incident up to that date',
  },
  'export.dates.mapPending': { fr: 'Comme la carte (en cours de chargement)', en: 'As on the map (loading)' },
  'export.dates.range': { fr: 'Une période (ci-dessous ; vide : toutes les dates)', en: 'A period (below; empty: every date)' },
  'export.from': { fr: 'Du', en: 'From' },
  'export.to': { fr: 'Au', en: 'To' },
  'export.profile': { fr: 'Profil de partage', en: 'Sharing profile' },
  'export.profile.internal': { fr: 'Interne', en: 'Internal' },
  'export.profile.internal.help': { fr: 'Équipe de données : tout, lieux exacts.', en: 'Data team: everything, exact places.' },
  'export.profile.working-group': { fr: 'Groupe de travail', en: 'Working group' },
  'export.profile.working-group.help': {
    fr: 'Groupe de travail provincial : lieux exacts ; ni notes, ni descriptions, ni sources, ni noms d’auteurs.',
    en: 'Provincial working group: exact places; no notes, descriptions, sources or perpetrators’ names.',
  },
  'export.profile.partner': { fr: 'Partenaire', en: 'Partner' },
  'export.profile.partner.help': {
    fr: 'Bailleurs, ONG, certificateurs : moins de champs ; incidents graves sur une grille de 5,5 km, datés au mois ; effectifs sous 5 masqués.',
    en: 'Donors, NGOs, certifiers: fewer fields; serious incidents on a 5.5 km grid, dated to the month; counts under 5 withheld.',
  },
  'export.profile.public': { fr: 'Public', en: 'Public' },
  'export.profile.public.help': {
    fr: 'Tout le monde : encore moins de champs ; chaque incident sur une grille de 11 km, daté au mois.',
    en: 'Anyone: fewer fields still; every incident on an 11 km grid, dated to the month.',
  },
  'export.format': { fr: 'Format', en: 'Format' },
  'export.format.help': {
    fr: 'Plusieurs couches : une archive zip, un fichier par couche.',
    en: 'Several layers: a zip archive, one file per layer.',
  },
  'export.count.loading': { fr: 'Calcul du nombre d’éléments…', en: 'Counting records…' },
  'export.count': {
    fr: '{count, plural, =0 {Aucun élément ne sera exporté.} one {# élément sera exporté} other {# éléments seront exportés}}',
    en: '{count, plural, =0 {No record will be exported.} one {# record will be exported} other {# records will be exported}}',
  },
  'export.count.error': { fr: 'Export impossible : {message}', en: 'Export not possible: {message}' },
  'export.noLayer': { fr: 'Choisissez au moins une couche.', en: 'Choose at least one layer.' },
  'export.download': { fr: 'Télécharger', en: 'Download' },
} satisfies Record<string, Localized>;
