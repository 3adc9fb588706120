/**
 * Every text the "since the last meeting" page shows that does not come from the data, in
 * French (the working group's language) and English. Names of cooperatives, sites and routes
 * come as the data writes them; incident categories take the vocabulary's labels
 * (server/domain/field-labels.ts).
 */
import type { Localized } from '../shared/language.js';

export const MESSAGES = {
  'page.title': { fr: 'Depuis la dernière réunion', en: 'Since the last meeting' },
  'page.subtitle': {
    fr: 'Groupe de travail provincial — ce qui a changé sur la carte entre deux dates',
    en: 'Provincial working group — what changed on the map between two dates',
  },
  'nav.map': { fr: '← Carte des risques', en: '← Risk map' },
  'nav.priorities': { fr: 'Priorités', en: 'Priorities' },
  'skip.list': { fr: 'Aller à la liste des changements', en: 'Skip to the list of changes' },
  'notice.illustrative': {
    fr: 'Les données de démonstration (scénario de Bitale) sont illustratives : ce ne sont pas des observations. L’absence de données n’est pas l’absence d’incidents.',
    en: 'The demonstration data (the Bitale scenario) is illustrative, not observed. No data is not the same as no incidents.',
  },

  'form.label': { fr: 'Période comparée', en: 'Period compared' },
  'form.from': { fr: 'Depuis (dernière réunion)', en: 'From (last meeting)' },
  'form.to': { fr: 'Jusqu’au', en: 'To' },
  'form.dateInvalid': { fr: 'Une date AAAA-MM-JJ, par exemple 2019-07-25.', en: 'A date YYYY-MM-DD, for example 2019-07-25.' },
  'form.order': { fr: 'La première date doit précéder la seconde.', en: 'The first date must come before the second.' },
  'form.span': {
    fr: 'Au plus {days, number} jours entre les deux dates : un compte rendu regarde des mois en arrière, pas des décennies.',
    en: 'At most {days, number} days between the two dates: minutes look back months, not decades.',
  },
  'form.incidents': { fr: 'Incidents listés', en: 'Incidents listed' },
  'form.incidents.serious': { fr: 'Graves seulement', en: 'Serious only' },
  'form.incidents.all': { fr: 'Tous', en: 'All' },
  'form.area': { fr: 'Zone', en: 'Area' },
  'form.areaAll': { fr: 'Toutes les données', en: 'All the data' },
  'form.areaBox': {
    fr: 'Rectangle {west}, {south} – {east}, {north} (longitude, latitude)',
    en: 'Box {west}, {south} – {east}, {north} (longitude, latitude)',
  },
  'form.areaClear': { fr: 'Ne plus limiter à ce rectangle', en: 'Stop limiting to this box' },
  'form.csv': { fr: 'Télécharger (CSV)', en: 'Download (CSV)' },
  'form.print': { fr: 'Imprimer pour le compte rendu', en: 'Print for the minutes' },

  'heading.period': { fr: 'Du {from} au {to}', en: 'From {from} to {to}' },
  'heading.area': { fr: 'Zone : {area}', en: 'Area: {area}' },
  'heading.generated': { fr: 'Établi le {when}.', en: 'Made on {when}.' },

  'status.loading': { fr: 'Comparaison des deux dates…', en: 'Comparing the two dates…' },
  'status.ready': {
    fr: '{count, plural, =0 {Aucun changement} one {# changement} other {# changements}} entre le {from} et le {to}.',
    en: '{count, plural, =0 {No change} one {# change} other {# changes}} between {from} and {to}.',
  },
  'status.empty': {
    fr: 'Rien n’a changé entre le {from} et le {to} : aucune zone contestée, aucun signalement de site ou de route n’est apparu ni n’a disparu, et aucun incident n’est enregistré entre les deux dates.',
    en: 'Nothing changed between {from} and {to}: no contested zone, site flag or militarised route appeared or went, and no incident is recorded between the two dates.',
  },
  'status.error': { fr: 'La comparaison a échoué : {message}', en: 'The comparison failed: {message}' },
  'status.forbidden': {
    fr: 'Cette page est réservée au groupe de travail : votre compte (partenaire) ne voit pas les analyses.',
    en: 'This page is for the working group: your account (partner) does not see the analyses.',
  },
  'status.signIn': { fr: 'Connectez-vous pour voir les changements.', en: 'Sign in to see the changes.' },
  'status.signInLink': { fr: 'Se connecter', en: 'Sign in' },
  'status.busy': {
    fr: 'Le serveur est occupé par d’autres analyses : réessayez dans un instant. ({message})',
    en: 'The server is busy with other analyses: try again in a moment. ({message})',
  },
  'status.invalid': { fr: 'Corrigez les dates ci-dessus.', en: 'Correct the dates above.' },

  'section.rose': { fr: 'Ce qui s’est aggravé ({count})', en: 'What rose ({count})' },
  'section.cleared': { fr: 'Ce qui s’est apaisé ({count})', en: 'What cleared ({count})' },
  'section.incidents.serious': { fr: 'Incidents graves entre les deux dates ({count})', en: 'Serious incidents between the dates ({count})' },
  'section.incidents.all': { fr: 'Incidents entre les deux dates ({count})', en: 'Incidents between the dates ({count})' },
  'section.none.rose': { fr: 'Rien ne s’est aggravé.', en: 'Nothing rose.' },
  'section.none.cleared': { fr: 'Rien ne s’est apaisé.', en: 'Nothing cleared.' },
  'section.none.incidents': { fr: 'Aucun incident enregistré entre les deux dates.', en: 'No incident recorded between the two dates.' },

  'line.contested.appeared': {
    fr: 'Zone contestée apparue : {name} — {rules} — gravité {after}',
    en: 'Contested zone appeared: {name} — {rules} — {after} severity',
  },
  'line.contested.worsened': {
    fr: 'Zone contestée aggravée : {name} — {rules} — gravité {before} → {after}',
    en: 'Contested zone worsened: {name} — {rules} — severity {before} → {after}',
  },
  'line.contested.eased': {
    fr: 'Zone contestée apaisée : {name} — {rules} — gravité {before} → {after}',
    en: 'Contested zone eased: {name} — {rules} — severity {before} → {after}',
  },
  'line.contested.ended': {
    fr: 'Zone contestée terminée : {name} — {rules} — gravité {before} au {date}',
    en: 'Contested zone ended: {name} — {rules} — {before} severity on {date}',
  },
  'line.site.rose': {
    fr: 'Site {name} : {flags} {count, plural, one {signalée} other {signalées}}',
    en: 'Site {name}: {flags} {count, plural, other {reported}}',
  },
  'line.site.cleared': {
    fr: 'Site {name} : {flags} {count, plural, one {levée} other {levées}}',
    en: 'Site {name}: {flags} {count, plural, other {cleared}}',
  },
  'line.route.rose': { fr: 'Route militarisée : {name}, {before} → {after} km ({rules})', en: 'Route militarised: {name}, {before} → {after} km ({rules})' },
  'line.route.cleared': {
    fr: 'Route démilitarisée : {name}, {before} → {after} km ({rules})',
    en: 'Route no longer militarised: {name}, {before} → {after} km ({rules})',
  },
  'line.incident': { fr: 'Incident : {category}, le {date}', en: 'Incident: {category}, on {date}' },

  'severity.critical': { fr: 'critique', en: 'critical' },
  'severity.high': { fr: 'élevée', en: 'high' },
  'severity.medium': { fr: 'moyenne', en: 'medium' },
  'severity.low': { fr: 'faible', en: 'low' },

  'flag.R1': { fr: 'présence de l’armée (R1)', en: 'army presence (R1)' },
  'flag.R2': { fr: 'ingérence illégale (R2)', en: 'illegal interference (R2)' },
  'flag.R3': { fr: 'groupe armé (R3)', en: 'armed group (R3)' },
  'flag.R4': { fr: 'présence de la police (R4)', en: 'police presence (R4)' },
  'flag.and': { fr: ' et ', en: ' and ' },

  'link.map': { fr: 'Voir sur la carte', en: 'See on the map' },
  'link.mapLabel': { fr: 'Voir sur la carte le {date} : {line}', en: 'See on the map on {date}: {line}' },
  'link.case': { fr: 'Dossier', en: 'Case file' },
  'link.caseLabel': { fr: 'Dossier de la zone contestée : {name}', en: 'Case file of the contested zone: {name}' },
} satisfies Record<string, Localized>;

export type MessageKey = keyof typeof MESSAGES;
