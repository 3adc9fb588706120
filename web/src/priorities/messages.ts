/**
 * Every text the priorities page shows that does not come from the data, in French (the
 * working group's language) and English. Data texts — names, labels, the analysis's `why`
 * reasons — are shown as they come.
 */
type Localized = { fr: string; en: string };

export const MESSAGES = {
  'page.title': { fr: 'Priorités pour la Police des mines', en: 'Priorities for the Mining Police' },
  'page.titleArea': { fr: 'Priorités pour la Police des mines – {area}', en: 'Priorities for the Mining Police – {area}' },
  'page.subtitle': {
    fr: 'Groupe de travail provincial — où déployer la PMH en premier ({area})',
    en: 'Provincial working group — where the Mining Police go first ({area})',
  },

  'area.title': { fr: 'Zone', en: 'Area' },
  'area.help': {
    fr: 'Le classement, le plan et les exports ne portent que sur les lieux de cette zone.',
    en: 'The ranking, the plan and the downloads cover only the places in this area.',
  },
  'area.province': { fr: 'Province', en: 'Province' },
  'area.territory': { fr: 'Territoire', en: 'Territory' },
  'area.home': { fr: 'Province du groupe de travail, ouverte par défaut : {province}.', en: 'The working group’s province, opened by default: {province}.' },
  'area.all': { fr: 'Toutes les provinces', en: 'All provinces' },
  'area.allTerritories': { fr: 'Tous les territoires', en: 'All territories' },
  'area.option': {
    fr: '{name} ({count, plural, one {# lieu} other {# lieux}})',
    en: '{name} ({count, plural, one {# place} other {# places}})',
  },
  'area.in': { fr: '{territory} ({province})', en: '{territory} ({province})' },
  'area.unlocated': {
    fr: '{count, plural, one {# lieu sans province connue n’apparaît} other {# lieux sans province connue n’apparaissent}} que sous « Toutes les provinces ».',
    en: '{count, plural, one {# place with no known province appears} other {# places with no known province appear}} only under “All provinces”.',
  },
  'page.back': { fr: '← Retour à la carte des risques', en: '← Back to the risk map' },
  'page.cases': { fr: 'Dossiers du groupe de travail', en: 'Working group case files' },
  'page.changes': { fr: 'Depuis la dernière réunion', en: 'Since the last meeting' },
  'skip.table': { fr: 'Aller au classement', en: 'Skip to the ranking' },
  'notice.illustrative': {
    fr: 'Les lieux marqués « illustratif » (scénario de Bitale) sont dessinés à la main pour la démonstration : ce ne sont pas des observations.',
    en: 'Places marked “illustrative” (the Bitale scenario) are drawn by hand for the demonstration: they are not observed data.',
  },
  'notice.absence': { fr: 'L’absence de données ne signifie pas l’absence d’incidents.', en: 'No data is not the same as no incidents.' },
  'badge.illustrative': { fr: 'illustratif', en: 'illustrative' },

  'controls.label': { fr: 'Paramètres du classement', en: 'Ranking settings' },
  'date.label': { fr: 'Situation au', en: 'Situation as of' },
  'date.invalid': { fr: 'Date invalide : utilisez AAAA-MM-JJ.', en: 'Invalid date: use YYYY-MM-DD.' },
  'weights.title': { fr: 'Poids des facteurs', en: 'Factor weights' },
  'weights.help': {
    fr: 'Le besoin d’un lieu est la somme, pour chaque facteur, de son score (0 à 1) multiplié par son poids. Un poids de 0 retire le facteur.',
    en: 'A place’s need is the sum, over the factors, of each score (0 to 1) times its weight. A weight of 0 removes the factor.',
  },
  'weights.reset': { fr: 'Rétablir les poids par défaut', en: 'Reset weights to defaults' },
  'weights.default': { fr: 'défaut {value}', en: 'default {value}' },

  'factor.contested': { fr: 'Revendications contestées', en: 'Contested claims' },
  'factor.illegal_presence': { fr: 'Présence armée illégale (R1–R3)', en: 'Unlawful armed presence (R1–R3)' },
  'factor.incidents': { fr: 'Incidents récents', en: 'Recent incidents' },
  'factor.militarised_routes': { fr: 'Routes militarisées', en: 'Militarised routes' },
  'factor.activity': { fr: 'Activité minière', en: 'Mining activity' },
  'factor.certification': { fr: 'Certification menacée', en: 'Certification at risk' },
  'factor.industrial_overlap': { fr: 'Sur un titre minier industriel (R12)', en: 'On an industrial mining title (R12)' },
  'factor.pmh_coverage': { fr: 'PMH déjà présente (soustraite)', en: 'Mining Police already there (subtracted)' },

  'unit.contested': { fr: 'zones contestées (R6 compte 2)', en: 'contested zones (R6 counts 2)' },
  'unit.illegal_presence': { fr: 'alertes R1–R3 en cours', en: 'current R1–R3 flags' },
  'unit.incidents': { fr: 'incidents pondérés par gravité, demi-vie {half} jours', en: 'severity-weighted incidents, half-life {half} days' },
  'unit.militarised_routes': { fr: 'km de route militarisée à proximité', en: 'km of militarised route nearby' },
  'unit.activity': { fr: 'travailleurs', en: 'workers' },
  'unit.certification': { fr: 'menace (0–1)', en: 'at risk (0–1)' },
  'unit.industrial_overlap': { fr: 'revendications ou ZEA sur un titre industriel (R12)', en: 'claims or ZEAs on industrial titles (R12)' },
  'unit.pmh_coverage': { fr: 'PMH légale à moins de {radius} km', en: 'lawful Mining Police within {radius} km' },

  'status.loading': { fr: 'Calcul du classement…', en: 'Ranking…' },
  'status.ready': {
    fr: '{count, plural, one {# lieu classé} other {# lieux classés}} au {date}.',
    en: '{count, plural, one {# place} other {# places}} ranked as of {date}.',
  },
  'status.error': { fr: 'Échec du calcul : {message}', en: 'Ranking failed: {message}' },

  'table.caption': { fr: 'Lieux classés par besoin de Police des mines', en: 'Places ranked by need for Mining Police' },
  'table.rank': { fr: 'Rang', en: 'Rank' },
  'table.place': { fr: 'Lieu', en: 'Place' },
  'table.kind': { fr: 'Type', en: 'Kind' },
  'table.need': { fr: 'Besoin', en: 'Need' },
  'table.factors': { fr: 'Facteurs', en: 'Factors' },
  'table.details': { fr: 'voir le détail', en: 'see the details' },
  'table.covered': { fr: 'couvert par U{order}', en: 'covered by U{order}' },
  'table.empty': { fr: 'Aucun lieu à classer à cette date.', en: 'No place to rank on this date.' },
  'kind.zone': { fr: 'ZEA', en: 'ZEA' },
  'kind.site': { fr: 'Site', en: 'Site' },
  'bar.label': { fr: 'Contributions : {parts}', en: 'Contributions: {parts}' },
  'bar.segment': { fr: '{factor} : {value}', en: '{factor}: {value}' },
  'bar.none': { fr: 'aucune', en: 'none' },
  'legend.title': { fr: 'Barres : contribution de chaque facteur au besoin', en: 'Bars: each factor’s contribution to need' },
  'legend.negative': {
    fr: 'La PMH déjà présente est soustraite : segment blanc hachuré à gauche du zéro.',
    en: 'Mining Police already there is subtracted: white hatched segment left of zero.',
  },

  'details.title': { fr: 'Détail du besoin', en: 'Need breakdown' },
  'details.empty': {
    fr: 'Choisissez un lieu dans le classement ou sur la carte pour voir le détail de son besoin.',
    en: 'Choose a place in the ranking or on the map to see what makes up its need.',
  },
  'details.summary': { fr: 'Rang {rank} · {kind} · besoin {need}', en: 'Rank {rank} · {kind} · need {need}' },
  'details.factor': { fr: 'Facteur', en: 'Factor' },
  'details.value': { fr: 'Valeur', en: 'Value' },
  'details.scoreWeight': { fr: 'Score × poids', en: 'Score × weight' },
  'details.contribution': { fr: 'Contribution', en: 'Contribution' },
  'details.total': { fr: 'Besoin (somme, au moins 0)', en: 'Need (sum, at least 0)' },
  'details.evidence': { fr: 'Éléments retenus', en: 'Evidence' },
  'details.evidenceLang': {
    fr: 'Les motifs des éléments retenus sont rédigés par l’analyse, en anglais.',
    en: 'The reasons given for the evidence are written by the analysis.',
  },
  'details.noEvidence': { fr: 'aucun enregistrement', en: 'no record' },

  'plan.title': { fr: 'Plan de déploiement', en: 'Deployment plan' },
  'plan.units': { fr: 'Unités à placer', en: 'Units to place' },
  'plan.radius': { fr: 'Portée d’une unité (km)', en: 'Reach of a unit (km)' },
  'plan.radiusHelp': {
    fr: 'Compte aussi pour la PMH déjà présente dans le classement (même paramètre de l’analyse).',
    en: 'Also used for the Mining Police already there in the ranking (the analysis uses one parameter).',
  },
  'plan.run': { fr: 'Planifier', en: 'Plan' },
  'plan.clear': { fr: 'Effacer le plan', en: 'Clear the plan' },
  'plan.running': { fr: 'Calcul du plan…', en: 'Planning…' },
  'plan.error': { fr: 'Échec du plan : {message}', en: 'Planning failed: {message}' },
  'plan.invalid': { fr: 'Unités : un entier de 1 à 200 ; portée : de 0 à 100 km.', en: 'Units: a whole number from 1 to 200; reach: 0 to 100 km.' },
  'plan.stale': { fr: 'Plan effacé : les paramètres ont changé. Planifiez à nouveau.', en: 'Plan cleared: the settings changed. Plan again.' },
  'plan.summary': {
    fr: '{placed, plural, one {# unité placée sur {requested} : elle couvre} other {# unités placées sur {requested} : elles couvrent}} {share} du besoin total ({covered} sur {total}).',
    en: '{placed} of {requested, plural, one {# unit} other {# units}} placed: {placed, plural, one {it covers} other {they cover}} {share} of total need ({covered} of {total}).',
  },
  'plan.short': {
    fr: 'Les autres unités ne couvriraient aucun besoin supplémentaire.',
    en: 'Further units would cover no more need.',
  },
  'plan.objective': { fr: 'Objectif', en: 'Objective' },
  'plan.objective.neediest_first': { fr: 'Le plus urgent d’abord (par défaut)', en: 'Neediest first (default)' },
  'plan.objectiveHelp.neediest_first': {
    fr: 'Chaque unité va au lieu dont le besoin non couvert est le plus élevé, puis se poste à sa portée là où elle couvre aussi le plus d’autres besoins.',
    en: 'Each unit goes to the place with the highest uncovered need, then sits within reach of it where it also covers the most other need.',
  },
  'plan.objective.coverage': { fr: 'Couverture maximale', en: 'Maximum coverage' },
  'plan.objectiveHelp.coverage': {
    fr: 'Chaque unité va là où elle couvre la plus grande somme de besoins non couverts, ce qui peut préférer des grappes de petits besoins à un besoin aigu.',
    en: 'Each unit goes where it covers the largest sum of uncovered need, which can favour clusters of small needs over one acute need.',
  },
  'plan.method.neediest_first': {
    fr: 'Le plus urgent d’abord : chaque unité est envoyée pour le lieu au plus fort besoin encore non couvert (« pour … »), postée à sa portée où elle couvre le plus d’autres besoins.',
    en: 'Neediest first: each unit is sent for the place with the highest need not yet covered (“for …”), stationed within reach of it where it covers the most other need.',
  },
  'plan.method.coverage': {
    fr: 'Choix glouton : chaque unité va où elle couvre le plus de besoin encore non couvert ; au moins 63 % du meilleur placement possible.',
    en: 'Greedy choice: each unit goes where it covers the most need not yet covered; at least 63 % of the best possible placement.',
  },
  'plan.for': { fr: 'pour {label}', en: 'for {label}' },
  'plan.uncovered': { fr: 'Parmi les 10 premiers du classement, non couverts par ce plan :', en: 'Of the top 10 in the ranking, not covered by this plan:' },
  'plan.uncoveredNone': { fr: 'Ce plan couvre les 10 premiers lieux du classement.', en: 'This plan covers all of the top 10 places in the ranking.' },
  'plan.uncoveredItem': { fr: 'n° {rank} : {place}, besoin {need}', en: '#{rank}: {place}, need {need}' },
  'plan.caption': { fr: 'Unités dans l’ordre de placement', en: 'Units in order of placement' },
  'plan.order': { fr: 'N°', en: 'No.' },
  'plan.place': { fr: 'Poste', en: 'Station' },
  'plan.marginal': { fr: 'Besoin ajouté', en: 'Need added' },
  'plan.cumulative': { fr: 'Couvert (cumul)', en: 'Covered (cumulative)' },
  'plan.covers': { fr: 'couvre {count, plural, one {# lieu} other {# lieux}} de plus', en: 'covers {count, plural, one {# more place} other {# more places}}' },
  'plan.unitMarker': { fr: 'Unité {order} : {place}', en: 'Unit {order}: {place}' },

  'export.title': { fr: 'Export et impression', en: 'Export and print' },
  'export.help': {
    fr: 'Pour le compte rendu de la réunion : le classement et le plan avec les paramètres utilisés.',
    en: 'For the meeting record: the ranking and the plan with the settings used.',
  },
  'export.rankingCsv': { fr: 'Classement (CSV)', en: 'Ranking (CSV)' },
  'export.rankingGeojson': { fr: 'Classement (GeoJSON)', en: 'Ranking (GeoJSON)' },
  'export.planCsv': { fr: 'Plan (CSV)', en: 'Plan (CSV)' },
  'export.planGeojson': { fr: 'Plan (GeoJSON)', en: 'Plan (GeoJSON)' },
  'export.print': { fr: 'Imprimer', en: 'Print' },
  'export.printMap': { fr: 'Inclure la carte à l’impression', en: 'Include the map when printing' },

  'print.parameters': {
    fr: 'Zone : {area} · situation au {date} · poids : {weights} · portée d’une unité : {radius} km',
    en: 'Area: {area} · situation as of {date} · weights: {weights} · reach of a unit: {radius} km',
  },
  'print.generated': { fr: 'Imprimé le {when}', en: 'Printed on {when}' },

  'map.label': {
    fr: 'Carte des lieux classés. Flèches : déplacer ; + et − : zoomer.',
    en: 'Map of the ranked places. Arrows: pan; + and −: zoom.',
  },
  'map.zoomIn': { fr: 'Zoom avant', en: 'Zoom in' },
  'map.zoomOut': { fr: 'Zoom arrière', en: 'Zoom out' },
  'map.resetBearing': { fr: 'Réorienter vers le nord', en: 'Reset bearing to north' },
  'mapLegend.title': { fr: 'Besoin', en: 'Need' },
  'mapLegend.zero': { fr: 'nul', en: 'none' },
  'mapLegend.zone': { fr: 'ZEA (polygone) ; tirets : illustrative', en: 'ZEA (polygon); dashed: illustrative' },
  'mapLegend.site': { fr: 'Site hors ZEA (cercle, taille selon le besoin)', en: 'Site outside a ZEA (circle, sized by need)' },
  'mapLegend.selected': { fr: 'Lieu choisi (contour bleu épais)', en: 'Chosen place (thick blue outline)' },
  'mapLegend.unit': { fr: 'Unité du plan et sa portée (cercle en tirets)', en: 'Planned unit and its reach (dashed circle)' },
  'mapLegend.covered': { fr: 'Lieu couvert par le plan (anneau noir)', en: 'Place covered by the plan (black ring)' },
} satisfies Record<string, Localized>;

export type MessageKey = keyof typeof MESSAGES;
