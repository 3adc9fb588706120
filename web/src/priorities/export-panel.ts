/** Download buttons for the ranking and the plan, and printing (with or without the map). */
import { el } from '../shared/dom.js';
import type { Plan, Ranking } from './api.js';
import { downloadText as download } from '../shared/csv-file.js';
import { planCsv, planGeojson, rankingCsv, rankingGeojson } from './export.js';
import type { RankingQuery } from './query.js';
import { onLangChange, t } from './translate.js';

export interface ExportSources {
  ranking(): Ranking | null;
  plan(): Plan | null;
  query(): RankingQuery;
}

const CSV = 'text/csv;charset=utf-8';
const GEOJSON = 'application/geo+json';

export function createExportPanel(container: HTMLElement, sources: ExportSources): { refresh(): void } {
  const heading = el('h2', 'panel-heading');
  const help = el('p', 'help');
  const button = (id: string, onClick: () => void) => {
    const b = el('button', 'secondary');
    b.type = 'button';
    b.id = id;
    b.addEventListener('click', onClick);
    return b;
  };
  const name = (what: string, ext: string) => `${what}-${sources.query().date}.${ext}`;
  const withRanking = (make: (r: Ranking, q: RankingQuery) => string, file: string, type: string) => () => {
    const ranking = sources.ranking();
    if (ranking) download(name('priorities', file), make(ranking, sources.query()), type);
  };
  const withPlan = (make: (p: Plan, q: RankingQuery) => string, file: string, type: string) => () => {
    const plan = sources.plan();
    if (plan) download(name('deployment-plan', file), make(plan, sources.query()), type);
  };
  const rankingCsvButton = button('export-ranking-csv', withRanking(rankingCsv, 'csv', CSV));
  const rankingGeojsonButton = button('export-ranking-geojson', withRanking(rankingGeojson, 'geojson', GEOJSON));
  const planCsvButton = button('export-plan-csv', withPlan(planCsv, 'csv', CSV));
  const planGeojsonButton = button('export-plan-geojson', withPlan(planGeojson, 'geojson', GEOJSON));
  const print = button('print', () => window.print());

  const printMap = el('input');
  printMap.type = 'checkbox';
  printMap.id = 'print-map';
  // The record is the table; a map printed in grey says less, so it is left out unless asked for.
  printMap.addEventListener('change', () => document.body.classList.toggle('print-with-map', printMap.checked));
  const printMapLabel = el('label', 'checkbox-label');
  printMapLabel.htmlFor = printMap.id;
  const printMapField = el('div', 'checkbox-field');
  printMapField.append(printMap, printMapLabel);

  const downloads = el('div', 'button-grid');
  downloads.append(rankingCsvButton, rankingGeojsonButton, planCsvButton, planGeojsonButton);
  container.replaceChildren(heading, help, downloads, printMapField, print);

  const refresh = () => {
    rankingCsvButton.disabled = rankingGeojsonButton.disabled = sources.ranking() === null;
    planCsvButton.disabled = planGeojsonButton.disabled = sources.plan() === null;
  };
  const translate = () => {
    heading.textContent = t('export.title');
    help.textContent = t('export.help');
    rankingCsvButton.textContent = t('export.rankingCsv');
    rankingGeojsonButton.textContent = t('export.rankingGeojson');
    planCsvButton.textContent = t('export.planCsv');
    planGeojsonButton.textContent = t('export.planGeojson');
    print.textContent = t('export.print');
    printMapLabel.textContent = t('export.printMap');
  };
  onLangChange(translate);
  translate();
  refresh();
  return { refresh };
}
