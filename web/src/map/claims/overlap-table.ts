/**
 * The browser's preview and the server's check of a drawn claim, side by side in one table:
 * a row per existing claim overlapped, so that a difference between the two stands out.
 */
import type { Overlap, OverlapReport } from './claim-api.js';
import { ha, vocabulary } from '../contested/contested-reasons.js';
import { el } from '../../shared/dom.js';
import { formatNumber, t } from '../messages.js';

export type PreviewState = { kind: 'none' } | { kind: 'ready'; report: OverlapReport } | { kind: 'error'; message: string };
export type ServerState = { kind: 'none' } | { kind: 'pending' } | { kind: 'ready'; report: OverlapReport };

const percent = (share: number) => formatNumber(share * 100, 1);

function overlapCell(overlap: Overlap | undefined, missing: string): HTMLTableCellElement {
  const cell = el('td');
  if (!overlap) {
    cell.append(el('span', 'overlap-missing', missing));
    return cell;
  }
  cell.dataset.overlapHa = String(overlap.overlap_ha);
  // Bare percentages keep the narrow panel's table readable; the note under it says which is which.
  cell.append(
    el('span', 'overlap-ha', `${ha(overlap.overlap_ha)} ha`),
    el('span', 'overlap-share', `${percent(overlap.share_of_new)} %`),
    el('span', 'overlap-share', `${percent(overlap.share_of_existing)} %`),
  );
  return cell;
}

function claimCell(overlap: Overlap): HTMLTableCellElement {
  const cell = el('th');
  cell.scope = 'row';
  cell.append(el('strong', undefined, overlap.cooperative_name), el('span', 'overlap-status', vocabulary('legal_status', overlap.legal_status)));
  if (overlap.claim_name) cell.append(el('span', 'overlap-claim-name', overlap.claim_name));
  return cell;
}

export function renderOverlapTable(container: HTMLElement, preview: PreviewState, server: ServerState): void {
  container.replaceChildren();
  if (preview.kind === 'none' && server.kind === 'none') return;
  const table = el('table', 'overlap-table');
  table.append(el('caption', undefined, t('overlap.title')));
  const head = el('tr');
  for (const key of ['overlap.claim', 'overlap.browser', 'overlap.server'] as const) {
    const th = el('th', undefined, t(key));
    th.scope = 'col';
    head.append(th);
  }
  const thead = el('thead');
  thead.append(head);
  const body = el('tbody');

  const serverMissing = server.kind === 'pending' ? t('editor.checking') : server.kind === 'none' ? t('overlap.notChecked') : t('overlap.absent');
  const areaRow = el('tr', 'overlap-area');
  const areaHead = el('th', undefined, t('overlap.drawnArea'));
  areaHead.scope = 'row';
  areaRow.append(
    areaHead,
    el('td', undefined, preview.kind === 'ready' ? `${ha(preview.report.area_ha)} ha` : preview.kind === 'error' ? '—' : ''),
    el('td', undefined, server.kind === 'ready' ? `${ha(server.report.area_ha)} ha` : serverMissing),
  );
  body.append(areaRow);

  const previewById = new Map(preview.kind === 'ready' ? preview.report.overlaps.map((o) => [o.claim_id, o]) : []);
  const serverById = new Map(server.kind === 'ready' ? server.report.overlaps.map((o) => [o.claim_id, o]) : []);
  const claims = new Map([...previewById, ...serverById]);
  for (const [id, overlap] of claims) {
    const row = el('tr', 'overlap-row');
    row.dataset.claimId = String(id);
    row.append(
      claimCell(overlap),
      overlapCell(previewById.get(id), preview.kind === 'error' ? '—' : t('overlap.absent')),
      overlapCell(serverById.get(id), serverMissing),
    );
    body.append(row);
  }
  if (claims.size === 0 && preview.kind === 'ready') {
    const row = el('tr', 'overlap-none');
    const cell = el('td', undefined, t('overlap.none'));
    cell.colSpan = 3;
    row.append(cell);
    body.append(row);
  }
  table.append(thead, body);
  container.append(table);
  if (claims.size > 0) container.append(el('p', 'help', t('overlap.note')));
  if (preview.kind === 'error') container.append(el('p', 'field-error', t('overlap.invalid', { message: preview.message })));
}
