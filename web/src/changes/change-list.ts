/**
 * The answer as the minutes read it: three sections (what rose, what cleared, the incidents),
 * each with its count in its heading and one line of words per change, with a link to the map
 * on the day it shows the change and, for a contested zone, to its case files. Every text
 * from the data goes in as text.
 */
import { el } from '../shared/dom.js';
import type { Change, Changes } from './api.js';
import { changeLine } from './lines.js';
import { caseLink, mapLink } from './links.js';
import type { IncidentChoice } from './query.js';
import { SECTIONS, groupChanges, type SectionName } from './sections.js';
import { onLangChange, t } from './translate.js';

export interface ChangeList {
  show(answer: Changes | null, incidents: IncidentChoice): void;
}

function heading(section: SectionName, count: number, incidents: IncidentChoice): string {
  if (section === 'incidents') return t(incidents === 'all' ? 'section.incidents.all' : 'section.incidents.serious', { count });
  return t(section === 'rose' ? 'section.rose' : 'section.cleared', { count });
}

/** The line as text, each ISO date kept whole on a narrow screen (a date broken at its hyphens reads as two). */
function lineNodes(line: string): Array<string | HTMLElement> {
  return line.split(/(\d{4}-\d{2}-\d{2})/).map((part, i) => (i % 2 === 1 ? el('span', 'no-wrap', part) : part));
}

function item(change: Change, section: SectionName): HTMLLIElement {
  const li = el('li', 'change-item');
  li.dataset.kind = change.kind;
  li.dataset.change = change.change;
  li.dataset.section = section;
  li.dataset.name = change.name;
  const line = changeLine(change);
  const links = el('span', 'change-links');
  const map = el('a', 'change-map', t('link.map'));
  map.href = mapLink(change);
  map.setAttribute('aria-label', t('link.mapLabel', { date: change.date, line }));
  links.append(map);
  const cases = caseLink(change);
  if (cases !== null) {
    const link = el('a', 'change-case', t('link.case'));
    link.href = cases;
    link.setAttribute('aria-label', t('link.caseLabel', { name: change.name }));
    links.append(link);
  }
  const text = el('span', 'change-line');
  text.append(...lineNodes(line));
  li.append(text, links);
  return li;
}

export function createChangeList(container: HTMLElement): ChangeList {
  let shown: { answer: Changes | null; incidents: IncidentChoice } = { answer: null, incidents: 'serious' };

  const render = () => {
    const { answer, incidents } = shown;
    if (!answer || answer.changes.length === 0) {
      container.replaceChildren();
      return;
    }
    const groups = groupChanges(answer.changes);
    container.replaceChildren(
      ...SECTIONS.map((section) => {
        const part = el('section', 'changes-section');
        part.id = `changes-${section}`;
        part.dataset.count = String(groups[section].length);
        const title = el('h2', 'changes-section-title', heading(section, groups[section].length, incidents));
        title.id = `changes-${section}-heading`;
        part.setAttribute('aria-labelledby', title.id);
        part.append(title);
        if (groups[section].length === 0) {
          part.append(el('p', 'changes-none', t(`section.none.${section}`)));
        } else {
          const list = el('ul', 'changes-items');
          list.append(...groups[section].map((change) => item(change, section)));
          part.append(list);
        }
        return part;
      }),
    );
  };
  onLangChange(render);

  return {
    show(answer, incidents) {
      shown = { answer, incidents };
      render();
    },
  };
}
