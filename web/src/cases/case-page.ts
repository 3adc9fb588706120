/**
 * One case file: its head (status, parties, places), the timeline beside a small map of its
 * places through time, and a print button that makes a one-page A4 brief for the monthly
 * meeting (cases.css, @media print). Choosing a step shows that day on the map.
 */
import { el } from '../shared/dom.js';
import { createCaseMap, type CaseMap } from './case-map.js';
import { createCaseMapLegend } from './case-map-legend.js';
import { createCaseOverview } from './case-overview.js';
import { loadCaseShapes } from './case-shapes.js';
import { citedKeys, createCaseTimeline } from './case-timeline.js';
import type { CaseFile } from './cases-api.js';
import { onLangChange, stepWords, t } from './translate.js';

export interface CasePage {
  map: CaseMap;
  /** Resolves once the case's places are drawn. */
  ready: Promise<void>;
}

export function createCasePage(container: HTMLElement, file: CaseFile): CasePage {
  const overview = el('section', 'case-overview');
  overview.id = 'case-overview';
  const printButton = el('button', 'secondary case-print');
  printButton.type = 'button';
  printButton.id = 'case-print';
  printButton.addEventListener('click', () => window.print());
  const timeline = el('section', 'case-timeline-section');
  timeline.id = 'case-timeline';
  const side = el('section', 'case-side');
  const mapCaption = el('p', 'case-map-caption');
  mapCaption.id = 'case-map-caption';
  mapCaption.setAttribute('aria-live', 'polite');
  const mapElement = el('div', 'case-map');
  mapElement.id = 'case-map';
  const showAll = el('button', 'link-button case-show-all');
  showAll.type = 'button';
  const legend = el('div', 'case-legend');
  side.append(mapCaption, mapElement, showAll, legend);
  const body = el('div', 'case-body');
  body.append(timeline, side);
  const footer = el('p', 'case-brief-footer');
  container.replaceChildren(overview, printButton, body, footer);

  const map = createCaseMap(mapElement);
  createCaseMapLegend(legend);
  const head = createCaseOverview(overview, file);
  let chosen: CaseFile['steps'][number] | null = null;
  createCaseTimeline(timeline, file, (step) => {
    chosen = step;
    map.show(step?.taken_on ?? null, step ? citedKeys(step) : new Set());
    translate();
  });
  showAll.addEventListener('click', () => {
    // The timeline's own button for the chosen step clears it, and says so to screen readers.
    timeline.querySelector<HTMLButtonElement>('.case-step.is-selected .step-button')?.click();
  });

  const translate = () => {
    printButton.textContent = t('case.print');
    showAll.textContent = t('map.showAll');
    showAll.hidden = chosen === null;
    mapCaption.textContent = chosen ? t('map.asOf', { date: chosen.taken_on, kind: stepWords(chosen.kind) }) : t('map.all');
    footer.textContent = t('case.briefFooter', { when: new Date().toISOString().slice(0, 10), url: location.href });
  };
  onLangChange(translate);
  window.addEventListener('beforeprint', translate);
  translate();

  const ready = (async () => {
    const shapes = await loadCaseShapes(file);
    head.setNames(shapes.names);
    await map.loaded;
    map.setShapes(shapes.shapes);
    await map.idle();
  })();
  return { map, ready };
}
