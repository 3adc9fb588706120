/**
 * CSV made in the browser for a meeting record, written by the same function as the server's
 * exports (server/export/csv-cells.ts: text quoted, formulas defused wherever a cell could
 * start), and handed to the browser's downloads. Nothing is sent anywhere.
 */
import { csvLines } from '../../../server/export/csv-cells.js';

export function csvText(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return csvLines([header, ...rows]);
}

/** Saves `text` as a file named `filename` through the browser's downloads. */
export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
