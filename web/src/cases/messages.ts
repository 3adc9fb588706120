/**
 * Every text the case pages show that does not come from the data, in French (the working
 * group's language) and English. Titles, summaries, names and actions come from the case files
 * and are shown as they are.
 */
import type { ActorKind, CaseStatus, PartyKind, PlaceKind, StepKind } from '../../../server/cases/case-vocabulary.js';
import type { Localized } from '../shared/language.js';

export const MESSAGES = {
  'page.title': { fr: 'Dossiers du groupe de travail', en: 'Working group case files' },
  'page.titleShort': { fr: 'Dossiers', en: 'Case files' },
  'page.subtitle': { fr: 'Différends suivis, de la saisine au suivi', en: 'Disputes followed from referral to monitoring' },
  'page.caseTitle': { fr: 'Dossier : {title}', en: 'Case file: {title}' },
  'page.newTitle': { fr: 'Ouvrir un dossier', en: 'Open a case file' },
  'nav.map': { fr: '← Carte des risques', en: '← Risk map' },
  'nav.list': { fr: 'Tous les dossiers', en: 'All case files' },
  'skip.main': { fr: 'Aller au contenu', en: 'Skip to the content' },
  'notice.illustrative': {
    fr: 'Les dossiers marqués « illustratif » (scénario de Bitale) rejouent une étude de cas publique avec des dates inventées : ce ne sont pas des observations.',
    en: 'Case files marked “illustrative” (the Bitale scenario) replay a public case study with invented dates: they are not observed data.',
  },
  'badge.illustrative': { fr: 'illustratif', en: 'illustrative' },
  'status.loading': { fr: 'Chargement…', en: 'Loading…' },
  'status.error': { fr: 'Impossible de charger : {message}', en: 'Could not load: {message}' },

  // The list
  'list.heading': { fr: 'Dossiers', en: 'Case files' },
  'list.filters': { fr: 'Filtrer les dossiers', en: 'Filter the case files' },
  'list.status': { fr: 'Statut', en: 'Status' },
  'list.allStatuses': { fr: 'Tous les statuts', en: 'All statuses' },
  'list.overdue': { fr: 'Seulement les dossiers avec un suivi en retard', en: 'Only case files with an overdue follow-up' },
  'list.place': { fr: 'Lieu : {places}', en: 'Place: {places}' },
  'list.placeClaim': { fr: 'revendication n° {id}', en: 'claim #{id}' },
  'list.placeZone': { fr: 'ZEA n° {id}', en: 'ZEA #{id}' },
  'list.placeSite': { fr: 'site n° {id}', en: 'site #{id}' },
  'list.clearPlace': { fr: 'Tous les lieux', en: 'All places' },
  'list.count': {
    fr: '{count, plural, =0 {Aucun dossier} one {# dossier} other {# dossiers}}',
    en: '{count, plural, =0 {No case file} one {# case file} other {# case files}}',
  },
  'list.caption': { fr: 'Dossiers, la saisine la plus récente d’abord', en: 'Case files, newest referral first' },
  'col.title': { fr: 'Dossier', en: 'Case file' },
  'col.status': { fr: 'Statut', en: 'Status' },
  'col.opened': { fr: 'Saisi le', en: 'Referred on' },
  'col.lastStep': { fr: 'Dernière étape', en: 'Last step' },
  'col.overdue': { fr: 'Suivis en retard', en: 'Overdue follow-ups' },
  'col.places': { fr: 'Lieux', en: 'Places' },
  'list.none': { fr: '—', en: '—' },
  'list.new': { fr: 'Ouvrir un dossier', en: 'Open a case file' },

  'followUps.heading': { fr: 'Suivis en retard', en: 'Overdue follow-ups' },
  'followUps.help': {
    fr: 'Pour la réunion mensuelle : ce qui devait être fait et ne l’est pas, au {date}.',
    en: 'For the monthly meeting: what was due and is not done, as of {date}.',
  },
  'followUps.none': { fr: 'Aucun suivi en retard.', en: 'No overdue follow-up.' },
  'followUps.caption': { fr: 'Suivis en retard, l’échéance la plus proche d’abord', en: 'Overdue follow-ups, soonest due first' },
  'col.owner': { fr: 'Responsable', en: 'Owner' },
  'col.action': { fr: 'Action', en: 'Action' },
  'col.due': { fr: 'Échéance', en: 'Due' },
  'col.case': { fr: 'Dossier', en: 'Case file' },

  // One case
  'case.status': { fr: 'Statut : {status}', en: 'Status: {status}' },
  'case.opened': { fr: 'Saisi le {date}', en: 'Referred on {date}' },
  'case.lastStep': { fr: 'dernière étape le {date}', en: 'last step on {date}' },
  'case.steps': { fr: '{count, plural, one {# étape} other {# étapes}}', en: '{count, plural, one {# step} other {# steps}}' },
  'case.overdue': {
    fr: '{count, plural, =0 {aucun suivi en retard} one {# suivi en retard} other {# suivis en retard}}',
    en: '{count, plural, =0 {no overdue follow-up} one {# overdue follow-up} other {# overdue follow-ups}}',
  },
  'case.parties': { fr: 'Parties', en: 'Parties' },
  'case.places': { fr: 'Lieux', en: 'Places' },
  'case.noParties': { fr: 'Aucune partie enregistrée.', en: 'No party recorded.' },
  'case.noPlaces': { fr: 'Aucun lieu enregistré.', en: 'No place recorded.' },
  'case.timeline': { fr: 'Chronologie', en: 'Timeline' },
  'case.timelineHelp': {
    fr: 'Choisissez une étape : la carte montre les lieux en vigueur ce jour-là et met en évidence les enregistrements sur lesquels elle s’appuie.',
    en: 'Choose a step: the map shows the places in force that day and picks out the records it rests on.',
  },
  'case.noSteps': { fr: 'Aucune étape enregistrée.', en: 'No step recorded.' },
  'case.print': { fr: 'Imprimer la fiche (A4)', en: 'Print the brief (A4)' },
  'case.notFound': { fr: 'Dossier introuvable : {message}', en: 'Case file not found: {message}' },
  'case.briefFooter': { fr: 'Fiche imprimée le {when} — {url}', en: 'Brief printed on {when} — {url}' },

  'step.show': { fr: 'Voir sur la carte', en: 'Show on the map' },
  'step.shown': { fr: 'montrée sur la carte', en: 'shown on the map' },
  'step.actedBy': { fr: 'Par : {who}', en: 'By: {who}' },
  'step.restsOn': { fr: 'S’appuie sur', en: 'Rests on' },
  'step.followUps': { fr: 'Suivis', en: 'Follow-ups' },
  'step.shared': { fr: 'Version partageable : {text}', en: 'Shareable version: {text}' },
  'followUp.line': { fr: '{action} — {owner}, échéance {due}', en: '{action} — {owner}, due {due}' },
  'followUp.done': { fr: 'fait le {date}', en: 'done on {date}' },
  'followUp.overdue': { fr: 'EN RETARD', en: 'OVERDUE' },
  'followUp.open': { fr: 'à faire', en: 'to do' },

  'record.claim': { fr: 'Revendication « {name} » ({cooperative}, {status}), {period}', en: 'Claim “{name}” ({cooperative}, {status}), {period}' },
  'record.claimUnnamed': { fr: 'Revendication n° {id} ({cooperative}, {status}), {period}', en: 'Claim #{id} ({cooperative}, {status}), {period}' },
  'record.presence': { fr: 'Présence : {actor}, {period}', en: 'Presence: {actor}, {period}' },
  'record.presenceNamed': { fr: '{type} « {name} »', en: '{type} “{name}”' },
  'record.presenceLinked': { fr: '{link} {cooperative}', en: '{link} {cooperative}' },
  'record.incident': { fr: 'Incident du {date} : {category}', en: 'Incident of {date}: {category}' },
  'record.incidentBy': { fr: 'par {perpetrator}', en: 'by {perpetrator}' },
  'record.victims': { fr: '{count, plural, one {# victime} other {# victimes}}', en: '{count, plural, one {# victim} other {# victims}}' },
  'record.gone': { fr: '{layer} n° {id} (supprimé ou non visible)', en: '{layer} #{id} (deleted or not visible)' },
  'record.periodOpen': { fr: 'depuis le {from}', en: 'since {from}' },
  'record.periodClosed': { fr: 'du {from} au {to}', en: 'from {from} to {to}' },
  'layer.claims': { fr: 'Revendication', en: 'Claim' },
  'layer.presence': { fr: 'Présence', en: 'Presence' },
  'layer.incidents': { fr: 'Incident', en: 'Incident' },

  'place.claim': { fr: 'Revendication : {name}', en: 'Claim: {name}' },
  'place.zone': { fr: 'ZEA : {name}', en: 'ZEA: {name}' },
  'place.site': { fr: 'Site : {name}', en: 'Site: {name}' },
  'place.town': { fr: 'Localité : {name}', en: 'Town: {name}' },
  'place.recordId': { fr: 'n° {id}', en: '#{id}' },

  // The map
  'map.label': {
    fr: 'Carte des lieux du dossier, de la présence et des incidents sur lesquels ses étapes s’appuient',
    en: 'Map of the case file’s places, and the presence and incidents its steps rest on',
  },
  'map.asOf': { fr: 'Carte au {date} : {kind}', en: 'Map as of {date}: {kind}' },
  'map.all': { fr: 'Carte : tous les lieux et enregistrements du dossier', en: 'Map: every place and record of the case file' },
  'map.showAll': { fr: 'Tout montrer', en: 'Show everything' },
  'map.zoomIn': { fr: 'Zoom avant', en: 'Zoom in' },
  'map.zoomOut': { fr: 'Zoom arrière', en: 'Zoom out' },
  'map.resetBearing': { fr: 'Réorienter vers le nord', en: 'Reset bearing to north' },
  'legend.heading': { fr: 'Légende', en: 'Legend' },
  'legend.zone': { fr: 'ZEA (contour tireté)', en: 'ZEA (dashed outline)' },
  'legend.claim': {
    fr: 'Revendication, teinte du statut légal (vert : agréée ; rose : non reconnue ; orange : en attente)',
    en: 'Claim, tinted by legal standing (green: authorised; pink: unrecognised; orange: pending)',
  },
  'legend.presence': { fr: 'Présence sécuritaire (grand disque bleu, ou zone bleue tiretée)', en: 'Security presence (large blue disc, or dashed blue area)' },
  'legend.incident': { fr: 'Incident (petit disque vermillon)', en: 'Incident (small vermillion disc)' },
  'legend.site': { fr: 'Site minier (cercle blanc) ou localité (cercle gris)', en: 'Mine site (white circle) or town (grey circle)' },
  'legend.cited': { fr: 'Cité par l’étape choisie (contour épais noir)', en: 'Cited by the chosen step (thick black outline)' },
  'legend.faded': { fr: 'Pâle : pas en vigueur le jour de l’étape choisie', en: 'Pale: not in force on the chosen step’s day' },

  // Creating a case
  'new.heading': { fr: 'Ouvrir un dossier', en: 'Open a case file' },
  'new.help': {
    fr: 'Le dossier commence saisi ; les revendications ci-dessous en seront les lieux. Les étapes s’ajoutent ensuite.',
    en: 'The case file starts as referred; the claims below become its places. Steps are added afterwards.',
  },
  'new.title': { fr: 'Titre', en: 'Title' },
  'new.status': { fr: 'Statut', en: 'Status' },
  'new.opened': { fr: 'Saisi le (AAAA-MM-JJ)', en: 'Referred on (YYYY-MM-DD)' },
  'new.places': { fr: 'Lieux', en: 'Places' },
  'new.submit': { fr: 'Créer le dossier', en: 'Create the case file' },
  'new.saving': { fr: 'Enregistrement…', en: 'Saving…' },
  'new.error': { fr: 'Le dossier n’a pas été créé : {message}', en: 'The case file was not created: {message}' },
  'new.titleMissing': { fr: 'Donnez un titre au dossier.', en: 'Give the case file a title.' },
  'new.dateInvalid': { fr: 'Date invalide : utilisez AAAA-MM-JJ.', en: 'Invalid date: use YYYY-MM-DD.' },
  'new.noPlace': { fr: 'Aucun lieu : le dossier pourra en recevoir plus tard.', en: 'No place: the case file can be given some later.' },
} satisfies Record<string, Localized>;

export type MessageKey = keyof typeof MESSAGES;

/** The case vocabularies in words; typed by the server's lists, so a new value without words fails tsc. */
export const STATUS_WORDS: Record<CaseStatus, Localized> = {
  referred: { fr: 'Saisi', en: 'Referred' },
  under_review: { fr: 'À l’examen', en: 'Under review' },
  fact_finding: { fr: 'Établissement des faits', en: 'Fact-finding' },
  mediation: { fr: 'Médiation', en: 'Mediation' },
  agreement: { fr: 'Accord', en: 'Agreement' },
  monitoring: { fr: 'Suivi', en: 'Monitoring' },
  closed: { fr: 'Clos', en: 'Closed' },
};

export const STEP_WORDS: Record<StepKind, Localized> = {
  referral: { fr: 'Saisine', en: 'Referral' },
  meeting_discussion: { fr: 'Discussion en réunion', en: 'Meeting discussion' },
  fact_finding_mission: { fr: 'Mission d’établissement des faits', en: 'Fact-finding mission' },
  finding: { fr: 'Constat', en: 'Finding' },
  advocacy: { fr: 'Plaidoyer', en: 'Advocacy' },
  withdrawal_of_forces: { fr: 'Retrait des forces', en: 'Withdrawal of forces' },
  deployment_request: { fr: 'Demande de déploiement', en: 'Deployment request' },
  deployment: { fr: 'Déploiement', en: 'Deployment' },
  mediation_session: { fr: 'Séance de médiation', en: 'Mediation session' },
  agreement: { fr: 'Accord', en: 'Agreement' },
  compensation: { fr: 'Compensation', en: 'Compensation' },
  communication_to_population: { fr: 'Communication à la population', en: 'Communication to the population' },
  monitoring_visit: { fr: 'Visite de suivi', en: 'Monitoring visit' },
  relapse: { fr: 'Rechute', en: 'Relapse' },
};

export const ACTOR_WORDS: Record<ActorKind, Localized> = {
  working_group: { fr: 'Groupe de travail', en: 'Working group' },
  authority: { fr: 'Autorité', en: 'Authority' },
  security_actor: { fr: 'Acteur de sécurité', en: 'Security actor' },
  cooperative: { fr: 'Coopérative', en: 'Cooperative' },
  community: { fr: 'Communauté', en: 'Community' },
  court: { fr: 'Tribunal', en: 'Court' },
  other: { fr: 'Autre', en: 'Other' },
};

export const PARTY_WORDS: Record<PartyKind, Localized> = {
  cooperative: { fr: 'Coopérative', en: 'Cooperative' },
  security_actor: { fr: 'Acteur de sécurité', en: 'Security actor' },
  authority: { fr: 'Autorité', en: 'Authority' },
  community: { fr: 'Communauté', en: 'Community' },
  company: { fr: 'Entreprise', en: 'Company' },
  civil_society: { fr: 'Société civile', en: 'Civil society' },
  other: { fr: 'Autre', en: 'Other' },
};

export const PLACE_WORDS: Record<PlaceKind, Localized> = {
  claim: { fr: 'Revendication', en: 'Claim' },
  zone: { fr: 'ZEA', en: 'ZEA' },
  site: { fr: 'Site', en: 'Site' },
  town: { fr: 'Localité', en: 'Town' },
};
