/**
 * CSV text for the meeting record, written by the same function as the server's exports
 * (server/export/csv-cells.ts): text quoted, formulas defused wherever a cell could start.
 */
import { csvLines } from '../../../server/export/csv-cells.js';

export function csvText(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return csvLines([header, ...rows]);
}
