/**
 * The details of one contested zone, in the panel under the list: who claims it and on what
 * standing, which ZEA it lies in, which rules fired and why, and the security presence and
 * incidents around it. Data enters through `textContent` only (see dom.ts).
 */
import type { Claimant, ContestedZone } from './contested-api.js';
import { actorText, ha, km, ruleStatements, ruleTitle, severityReason, vocabulary } from './contested-reasons.js';
import { el } from '../../shared/dom.js';
import { formatNumber, onLangChange, t, type MessageKey } from '../messages.js';
import { LEGAL_STATUS_COLOURS } from '../../shared/palette.js';
import { SEVERITY_STYLES, markerSymbol } from './severity.js';
import { symbolCanvas } from '../layers/symbols.js';
import { caseLinks } from './contested-case-link.js';

export interface ContestedDetails {
  show(zone: ContestedZone, options: { focus: boolean }): void;
  hide(): void;
  readonly zoneId: number | null;
}

function subsection(titleKey: MessageKey, className: string): HTMLElement {
  const section = el('section', `details-part ${className}`);
  section.append(el('h4', undefined, t(titleKey)));
  return section;
}

function definitions(pairs: Array<[string, string]>): HTMLDListElement {
  const list = el('dl', 'popup-properties');
  for (const [term, value] of pairs) if (value) list.append(el('dt', undefined, term), el('dd', undefined, value));
  return list;
}

function period(from: string, to: string | null): string {
  return to ? t('details.periodClosed', { from, to }) : t('details.periodOpen', { from });
}

function claimantItem(c: Claimant): HTMLLIElement {
  const li = el('li', 'claimant');
  li.dataset.legalStatus = c.legal_status;
  li.append(el('strong', 'claimant-name', c.cooperative_name));
  const status = el('span', 'claimant-status', vocabulary('legal_status', c.legal_status));
  // The claim's own colour on the map, as a reminder; the words carry the meaning.
  status.style.setProperty('--status-colour', LEGAL_STATUS_COLOURS[c.legal_status] ?? '#9E9E9E');
  li.append(status);
  li.append(
    definitions([
      [t('details.claim'), c.claim_name ?? `#${c.claim_id}`],
      [t('editor.basis'), vocabulary('basis', c.basis)],
      [t('details.period'), period(c.valid_from, c.valid_to)],
      [t('details.share'), t('details.shareValue', { share: formatNumber(c.contested_share * 100, 1), contested: ha(c.contested_ha), claim: ha(c.claim_ha) })],
    ]),
  );
  return li;
}

function render(zone: ContestedZone): HTMLElement[] {
  const p = zone.properties;
  const style = SEVERITY_STYLES[p.severity];

  const badge = el('p', 'details-severity');
  badge.dataset.severity = p.severity;
  const marker = el('span', 'contested-marker');
  marker.setAttribute('aria-hidden', 'true');
  marker.append(symbolCanvas(markerSymbol(p.severity), 24));
  badge.append(marker, el('strong', undefined, t('details.severity', { severity: t(style.label) })));
  const reason = el('p', 'details-reason', severityReason(p));
  const summary = el('p', 'details-summary', t('details.summary', { area: ha(p.area_ha), date: p.date }));

  const claimants = subsection('details.claimants', 'details-claimants');
  const claimantList = el('ul', 'details-list');
  claimantList.append(...p.claimants.map(claimantItem));
  claimants.append(claimantList);

  const rules = subsection('details.rules', 'details-rules');
  const ruleList = el('ul', 'details-list');
  for (const hit of p.rule_hits) {
    const li = el('li', 'rule-hit');
    li.dataset.rule = hit.rule;
    li.append(el('strong', 'rule-title', ruleTitle(hit.rule)));
    const statements = el('ul', 'rule-statements');
    statements.append(...ruleStatements(p, hit).map((s) => el('li', undefined, s)));
    li.append(statements);
    ruleList.append(li);
  }
  rules.append(ruleList);

  const zones = subsection('details.zones', 'details-zones');
  const zoneList = el('ul', 'details-list');
  for (const z of p.zones) {
    const name = z.name ? `${z.code} — ${z.name}` : z.code;
    zoneList.append(el('li', undefined, t('details.zoneOverlap', { zone: name, status: vocabulary('status', z.status), area: ha(z.overlap_ha) })));
  }
  if (p.zones.length === 0) zoneList.append(el('li', undefined, t('details.noZone')));
  else if (p.outside_zea_ha > 0) zoneList.append(el('li', undefined, t('details.outside', { area: ha(p.outside_zea_ha) })));
  zones.append(zoneList);

  const presence = subsection('details.presence', 'details-presence');
  const presenceList = el('ul', 'details-list');
  for (const x of p.presence) {
    const linked = p.claimants.find((c) => c.cooperative_id === x.linked_cooperative_id)?.cooperative_name;
    const parts = [
      actorText(x),
      linked && x.link_kind ? t('details.linked', { link: vocabulary('link_kind', x.link_kind), cooperative: linked }) : '',
      x.behaviours.map((b) => vocabulary('behaviours', b)).join(', '),
      x.distance_km === 0 ? t('details.inside') : t('details.distance', { km: km(x.distance_km) }),
      period(x.valid_from, x.valid_to),
    ];
    presenceList.append(el('li', undefined, parts.filter(Boolean).join(' — ')));
  }
  if (p.presence.length === 0) presenceList.append(el('li', 'details-none', t('details.noPresence')));
  presence.append(presenceList);

  const incidents = subsection('details.incidents', 'details-incidents');
  const incidentList = el('ul', 'details-list');
  for (const i of p.incidents) {
    const parts = [
      i.occurred_on,
      vocabulary('category', i.category),
      vocabulary('perpetrator_type', i.perpetrator_type),
      i.distance_km === 0 ? t('details.inside') : t('details.distance', { km: km(i.distance_km) }),
    ];
    incidentList.append(el('li', undefined, parts.filter(Boolean).join(' — ')));
  }
  if (p.incidents.length === 0) incidentList.append(el('li', 'details-none', t('details.noIncidents')));
  incidents.append(incidentList);

  // The zone's case file, or the way to open one (contested-case-link.ts).
  const caseFile = caseLinks(p.claimants.map((c) => c.claim_id));

  return [badge, reason, summary, caseFile, claimants, rules, zones, presence, incidents];
}

export function createContestedDetails(container: HTMLElement, actions: { onClose(id: number): void; onZoom(id: number): void }): ContestedDetails {
  container.hidden = true;
  const header = el('div', 'details-header');
  const heading = el('h3', 'details-title');
  heading.id = `${container.id}-title`;
  // Focus lands on the heading when a row opens the details, so a screen reader reads them next.
  heading.tabIndex = -1;
  container.setAttribute('aria-labelledby', heading.id);
  const close = el('button', 'details-close');
  close.type = 'button';
  close.append(el('span', undefined, '×'));
  header.append(heading, close);
  const zoom = el('button', 'details-zoom');
  zoom.type = 'button';
  const body = el('div', 'details-body');
  container.append(header, zoom, body);

  let shown: ContestedZone | null = null;
  const refresh = () => {
    close.title = t('details.close');
    close.setAttribute('aria-label', t('details.close'));
    zoom.textContent = t('details.zoom');
    if (!shown) return;
    heading.textContent = t('details.heading', { id: shown.id });
    body.replaceChildren(...render(shown));
  };
  close.addEventListener('click', () => {
    const id = shown?.id;
    details.hide();
    if (id !== undefined) actions.onClose(id);
  });
  zoom.addEventListener('click', () => {
    if (shown) actions.onZoom(shown.id);
  });
  container.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && shown) {
      event.stopPropagation();
      close.click();
    }
  });
  onLangChange(refresh);

  const details: ContestedDetails = {
    show(zone, options) {
      shown = zone;
      container.hidden = false;
      container.dataset.severity = zone.properties.severity;
      refresh();
      if (options.focus) heading.focus();
    },
    hide() {
      shown = null;
      container.hidden = true;
      body.replaceChildren();
    },
    get zoneId() {
      return shown?.id ?? null;
    },
  };
  return details;
}
