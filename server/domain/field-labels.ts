/**
 * How the properties of the data read in each language: field names and vocabulary values.
 * One table for the pages (web/src/shared/field-labels.ts re-exports it) and for the data
 * dictionary that travels with exports (server/export/data-dictionary.ts). The vocabularies are
 * imported as types only, so that tsc fails here when a value is added there without a label,
 * and the browser bundle takes no server code with it.
 */
import type {
  ACTOR_TYPES,
  BEHAVIOURS,
  CLAIM_BASES,
  CLAIM_STATUSES,
  CONFIDENCES,
  FOLLOW_UPS,
  INCIDENT_CATEGORIES,
  LEGAL_STATUSES,
  LINK_KINDS,
  LOCATION_ISSUES,
  LOCATION_PRECISIONS,
  PERMIT_STATUSES,
  PERMIT_TYPES,
  PRODUCTION_LEVELS,
  QUALIFICATIONS,
  ROUTE_SURFACES,
  VERIFICATIONS,
  ZONE_STATUSES,
} from './vocabulary.js';

/** A text in each of the interface's languages, French first. */
export type Localized = { fr: string; en: string };

type Labels<T extends readonly string[]> = Record<T[number], Localized>;

const actorTypes: Labels<typeof ACTOR_TYPES> = {
  fardc: { fr: 'FARDC (armée)', en: 'FARDC (army)' },
  pmh: { fr: 'PMH (Police des mines)', en: 'PMH (Mining Police)' },
  pnc: { fr: 'PNC (Police nationale)', en: 'PNC (national police)' },
  private_security: { fr: 'Sécurité privée', en: 'Private security' },
  armed_group_local: { fr: 'Groupe armé local', en: 'Local armed group' },
  armed_group_foreign: { fr: 'Groupe armé étranger', en: 'Foreign armed group' },
  other_state: { fr: 'Autre service de l’État', en: 'Other state service' },
  unknown: { fr: 'Inconnu', en: 'Unknown' },
};

const behaviours: Labels<typeof BEHAVIOURS> = {
  taxation: { fr: 'taxation', en: 'taxation' },
  commerce_taxation: { fr: 'taxation du commerce', en: 'taxation of trade' },
  entrance_taxation: { fr: 'taxe d’entrée', en: 'entrance tax' },
  extortion: { fr: 'extorsion', en: 'extortion' },
  monopoly: { fr: 'monopole', en: 'monopoly' },
  buying_minerals: { fr: 'achat de minerais', en: 'buying minerals' },
  digging: { fr: 'creusage', en: 'digging' },
  forced_labour: { fr: 'travail forcé', en: 'forced labour' },
  pillage: { fr: 'pillage', en: 'pillage' },
  pit_ownership: { fr: 'propriété de puits', en: 'pit ownership' },
};

const incidentCategories: Labels<typeof INCIDENT_CATEGORIES> = {
  armed_clash: { fr: 'affrontement armé', en: 'armed clash' },
  extortion: { fr: 'extorsion', en: 'extortion' },
  illegal_taxation: { fr: 'taxation illégale', en: 'illegal taxation' },
  roadblock: { fr: 'barrière routière', en: 'roadblock' },
  harassment: { fr: 'harcèlement', en: 'harassment' },
  arbitrary_arrest: { fr: 'arrestation arbitraire', en: 'arbitrary arrest' },
  torture: { fr: 'torture', en: 'torture' },
  sexual_violence: { fr: 'violence sexuelle', en: 'sexual violence' },
  killing: { fr: 'meurtre', en: 'killing' },
  abduction: { fr: 'enlèvement', en: 'abduction' },
  forced_labour: { fr: 'travail forcé', en: 'forced labour' },
  other: { fr: 'autre', en: 'other' },
};

const legalStatuses: Labels<typeof LEGAL_STATUSES> = {
  authorised: { fr: 'agréée', en: 'authorised' },
  pending: { fr: 'agrément en attente', en: 'approval pending' },
  unrecognised: { fr: 'non reconnue', en: 'unrecognised' },
};

// Zone and claim statuses share the `status` field and no value, so one table serves both.
const statuses: Labels<typeof ZONE_STATUSES> & Labels<typeof CLAIM_STATUSES> = {
  active: { fr: 'active', en: 'active' },
  suspended: { fr: 'suspendue', en: 'suspended' },
  closed: { fr: 'fermée', en: 'closed' },
  asserted: { fr: 'revendiquée', en: 'asserted' },
  recognised: { fr: 'reconnue', en: 'recognised' },
  disputed: { fr: 'contestée', en: 'disputed' },
  withdrawn: { fr: 'retirée', en: 'withdrawn' },
  settled: { fr: 'réglée', en: 'settled' },
};

const productionLevels: Labels<typeof PRODUCTION_LEVELS> = {
  none: { fr: 'aucune', en: 'none' },
  low: { fr: 'faible', en: 'low' },
  medium: { fr: 'moyenne', en: 'medium' },
  high: { fr: 'élevée', en: 'high' },
};

const qualifications: Labels<typeof QUALIFICATIONS> = {
  green: { fr: 'verte (certifiée)', en: 'green (certified)' },
  yellow: { fr: 'jaune (manquement à corriger)', en: 'yellow (breach to fix)' },
  red: { fr: 'rouge (production interdite)', en: 'red (no production)' },
  none: { fr: 'non qualifiée', en: 'not qualified' },
};

const claimBases: Labels<typeof CLAIM_BASES> = {
  title: { fr: 'titre', en: 'title' },
  application: { fr: 'demande', en: 'application' },
  customary: { fr: 'droit coutumier', en: 'customary right' },
  occupation: { fr: 'occupation', en: 'occupation' },
  agreement: { fr: 'accord', en: 'agreement' },
  other: { fr: 'autre', en: 'other' },
};

const linkKinds: Labels<typeof LINK_KINDS> = {
  hired: { fr: 'engagé par', en: 'hired by' },
  protecting: { fr: 'protège', en: 'protecting' },
};

const confidences: Labels<typeof CONFIDENCES> = {
  low: { fr: 'faible', en: 'low' },
  medium: { fr: 'moyenne', en: 'medium' },
  high: { fr: 'élevée', en: 'high' },
};

const locationPrecisions: Labels<typeof LOCATION_PRECISIONS> = {
  gps: { fr: 'GPS', en: 'GPS' },
  village: { fr: 'village', en: 'village' },
  approximate: { fr: 'approximative', en: 'approximate' },
};

const locationIssues: Labels<typeof LOCATION_ISSUES> = {
  outside_territory: { fr: 'hors du territoire indiqué', en: 'outside the stated territory' },
  outside_country: { fr: 'hors du pays', en: 'outside the country' },
};

const surfaces: Labels<typeof ROUTE_SURFACES> = {
  road: { fr: 'route', en: 'road' },
  track: { fr: 'piste', en: 'track' },
  footpath: { fr: 'sentier', en: 'footpath' },
  lake: { fr: 'lac', en: 'lake' },
};

const verifications: Labels<typeof VERIFICATIONS> = {
  reported: { fr: 'signalé', en: 'reported' },
  corroborated: { fr: 'corroboré', en: 'corroborated' },
  verified: { fr: 'vérifié', en: 'verified' },
};

const followUps: Labels<typeof FOLLOW_UPS> = {
  none: { fr: 'aucun', en: 'none' },
  open: { fr: 'en cours', en: 'open' },
  referred: { fr: 'transmis', en: 'referred' },
  closed: { fr: 'clos', en: 'closed' },
};

const permitTypes: Labels<typeof PERMIT_TYPES> = {
  pe: { fr: 'Permis d’exploitation (PE)', en: 'Exploitation permit (PE)' },
  pepm: { fr: 'Permis d’exploitation de petite mine (PEPM)', en: 'Small-mine exploitation permit (PEPM)' },
  pr_as: { fr: 'Permis de recherche, autres substances (PR)', en: 'Research permit, other substances (PR)' },
  pr_pp: { fr: 'Permis de recherche, pierres précieuses (PR)', en: 'Research permit, precious stones (PR)' },
  aecp: { fr: 'Autorisation d’exploitation de carrière permanente (AECP)', en: 'Permanent quarry exploitation authorisation (AECP)' },
  arpc: { fr: 'Autorisation de recherche de produits de carrière (ARPC)', en: 'Quarry research authorisation (ARPC)' },
  zea: { fr: 'Zone d’exploitation artisanale (ZEA)', en: 'Artisanal mining zone (ZEA)' },
  zrg: { fr: 'Zone de recherche géologique (ZRG)', en: 'Geological research zone (ZRG)' },
};

const permitStatuses: Labels<typeof PERMIT_STATUSES> = {
  application: { fr: 'demande', en: 'application' },
  active: { fr: 'en vigueur', en: 'in force' },
  force_majeure: { fr: 'en force majeure', en: 'under force majeure' },
  lapsing: { fr: 'en voie de déchéance ou de radiation', en: 'being forfeited or struck off' },
  lapsed: { fr: 'déchu', en: 'forfeited' },
};

const sourceTypes: Record<string, Localized> = {
  witness: { fr: 'témoin', en: 'witness' },
  victim: { fr: 'victime', en: 'victim' },
  civil_society: { fr: 'société civile', en: 'civil society' },
  authority: { fr: 'autorité', en: 'authority' },
  media: { fr: 'médias', en: 'media' },
  un: { fr: 'Nations unies', en: 'United Nations' },
  field_mission: { fr: 'mission de terrain', en: 'field mission' },
  other: { fr: 'autre', en: 'other' },
};

// ACLED-style 1–3 scales: 1 is the most precise.
const timePrecisions: Record<string, Localized> = {
  '1': { fr: 'jour connu', en: 'exact day' },
  '2': { fr: 'semaine connue', en: 'week known' },
  '3': { fr: 'mois connu', en: 'month known' },
};
const geoPrecisions: Record<string, Localized> = {
  '1': { fr: 'lieu exact', en: 'exact place' },
  '2': { fr: 'à proximité', en: 'nearby' },
  '3': { fr: 'centroïde administratif', en: 'admin centroid' },
};

/** Which vocabulary a field's values come from. */
const VALUE_LABELS: Record<string, Record<string, Localized>> = {
  actor_type: actorTypes,
  operator_type: actorTypes,
  perpetrator_type: actorTypes,
  type: { ...actorTypes, ...sourceTypes },
  behaviours: behaviours,
  category: incidentCategories,
  legal_status: legalStatuses,
  status: statuses,
  production_level: productionLevels,
  qualification: qualifications,
  basis: claimBases,
  link_kind: linkKinds,
  confidence: confidences,
  location_precision: locationPrecisions,
  location_issue: locationIssues,
  surface: surfaces,
  verification: verifications,
  follow_up: followUps,
  permit_type: permitTypes,
  permit_status: permitStatuses,
  time_precision: timePrecisions,
  geo_precision: geoPrecisions,
};

const FIELD_LABELS: Record<string, Localized> = {
  code: { fr: 'Code', en: 'Code' },
  name: { fr: 'Nom', en: 'Name' },
  acronym: { fr: 'Sigle', en: 'Acronym' },
  province: { fr: 'Province', en: 'Province' },
  territory: { fr: 'Territoire', en: 'Territory' },
  collectivite: { fr: 'Collectivité', en: 'Collectivité' },
  groupement: { fr: 'Groupement', en: 'Groupement' },
  village: { fr: 'Village', en: 'Village' },
  pcode: { fr: 'P-code', en: 'P-code' },
  minerals: { fr: 'Minerais', en: 'Minerals' },
  status: { fr: 'Statut', en: 'Status' },
  production_level: { fr: 'Production', en: 'Production' },
  qualification: { fr: 'Qualification', en: 'Qualification' },
  qualification_date: { fr: 'Date de qualification', en: 'Qualification date' },
  worker_estimate: { fr: 'Creuseurs (estimation)', en: 'Workers (estimate)' },
  area_ha: { fr: 'Superficie (ha)', en: 'Area (ha)' },
  cooperative_id: { fr: 'Coopérative', en: 'Cooperative' },
  cooperative_name: { fr: 'Coopérative', en: 'Cooperative' },
  legal_status: { fr: 'Statut légal', en: 'Legal status' },
  authorisation_ref: { fr: 'Réf. d’agrément', en: 'Authorisation ref.' },
  authorisation_date: { fr: 'Date d’agrément', en: 'Authorisation date' },
  zone_id: { fr: 'ZEA', en: 'ZEA' },
  basis: { fr: 'Fondement', en: 'Basis' },
  valid_from: { fr: 'Depuis le', en: 'From' },
  valid_to: { fr: 'Jusqu’au', en: 'Until' },
  actor_type: { fr: 'Type d’acteur', en: 'Actor type' },
  actor_name: { fr: 'Unité ou groupe', en: 'Unit or group' },
  behaviours: { fr: 'Comportements', en: 'Behaviours' },
  linked_cooperative_id: { fr: 'Coopérative liée', en: 'Linked cooperative' },
  link_kind: { fr: 'Nature du lien', en: 'Kind of link' },
  site_id: { fr: 'Site', en: 'Site' },
  route_id: { fr: 'Route', en: 'Route' },
  confidence: { fr: 'Confiance', en: 'Confidence' },
  observed_on: { fr: 'Observé le', en: 'Observed on' },
  location_precision: { fr: 'Précision du lieu', en: 'Location precision' },
  location_issue: { fr: 'Problème de localisation', en: 'Location issue' },
  latest_visit: { fr: 'Dernière visite', en: 'Latest visit' },
  visit_count: { fr: 'Visites', en: 'Visits' },
  visited_on: { fr: 'Visité le', en: 'Visited on' },
  project: { fr: 'Projet', en: 'Project' },
  workers: { fr: 'Creuseurs', en: 'Workers' },
  armed_presence: { fr: 'Présence armée', en: 'Armed presence' },
  interference: { fr: 'Ingérence illégale', en: 'Illegal interference' },
  actors: { fr: 'Acteurs armés', en: 'Armed actors' },
  type: { fr: 'Type', en: 'Type' },
  frequency: { fr: 'Fréquence', en: 'Frequency' },
  reference: { fr: 'Référence', en: 'Reference' },
  operator_type: { fr: 'Opérateur', en: 'Operator' },
  operator_name: { fr: 'Nom de l’opérateur', en: 'Operator name' },
  taxes: { fr: 'Perçoit des taxes', en: 'Levies taxes' },
  goods_taxed: { fr: 'Biens taxés', en: 'Goods taxed' },
  taxes_minerals: { fr: 'Taxe les minerais', en: 'Taxes minerals' },
  from_place: { fr: 'Départ', en: 'From' },
  to_place: { fr: 'Arrivée', en: 'To' },
  surface: { fr: 'Type de voie', en: 'Surface' },
  length_km: { fr: 'Longueur (km)', en: 'Length (km)' },
  occurred_on: { fr: 'Date', en: 'Date' },
  time_precision: { fr: 'Précision de la date', en: 'Date precision' },
  category: { fr: 'Catégorie', en: 'Category' },
  sub_category: { fr: 'Sous-catégorie', en: 'Sub-category' },
  perpetrator_type: { fr: 'Type d’auteur', en: 'Perpetrator type' },
  perpetrator_name: { fr: 'Auteur', en: 'Perpetrator' },
  victims: { fr: 'Victimes', en: 'Victims' },
  killed: { fr: 'Tués', en: 'Killed' },
  injured: { fr: 'Blessés', en: 'Injured' },
  geo_precision: { fr: 'Précision géographique', en: 'Geographic precision' },
  sources: { fr: 'Sources', en: 'Sources' },
  verification: { fr: 'Vérification', en: 'Verification' },
  follow_up: { fr: 'Suivi', en: 'Follow-up' },
  holder: { fr: 'Titulaire', en: 'Holder' },
  permit_type: { fr: 'Type de titre', en: 'Title type' },
  permit_status: { fr: 'Statut du titre', en: 'Title status' },
  cami_status: { fr: 'Statut au cadastre (CAMI)', en: 'Cadastre status (CAMI)' },
  declared_area_ha: { fr: 'Superficie déclarée (ha)', en: 'Declared area (ha)' },
  description: { fr: 'Description', en: 'Description' },
  notes: { fr: 'Notes', en: 'Notes' },
  source: { fr: 'Source', en: 'Source' },
  source_id: { fr: 'Identifiant source', en: 'Source id' },
  created_at: { fr: 'Créé le', en: 'Created on' },
  updated_at: { fr: 'Mis à jour le', en: 'Updated on' },
};

/** The label of a field; an unknown field shows its own name rather than nothing. */
export function fieldLabel(field: string): Localized | undefined {
  return FIELD_LABELS[field];
}

/** The label of a vocabulary value of a field, when the field has a vocabulary that knows it. */
export function valueLabel(field: string, value: string): Localized | undefined {
  return VALUE_LABELS[field]?.[value];
}

/** Every value a field takes, with its labels: the codes a data dictionary explains. */
export function valueLabels(field: string): Record<string, Localized> | undefined {
  return VALUE_LABELS[field];
}
