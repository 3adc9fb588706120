/** What an import did, record by record, printed at its end and returned by the API. */
export interface ImportReport {
  kind: string;
  file: string;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: Rejection[];
  /** Records kept but marked, e.g. IPIS sites whose point lies outside their stated territory. */
  warnings: Warning[];
}

export interface Rejection {
  /** Where in the file: "line 12", "feature 3". */
  at: string;
  reason: string;
}

export interface Warning {
  at: string;
  message: string;
}

export function emptyReport(kind: string, file: string): ImportReport {
  return { kind, file, inserted: 0, updated: 0, unchanged: 0, rejected: [], warnings: [] };
}

export function countOutcome(report: ImportReport, outcome: 'inserted' | 'updated' | 'unchanged'): void {
  report[outcome] += 1;
}

export function formatReport(report: ImportReport): string {
  const lines = [
    `${report.kind} import of ${report.file}: ${report.inserted} inserted, ${report.updated} updated, ${report.unchanged} unchanged, ${report.rejected.length} rejected, ${report.warnings.length} warnings`,
    ...report.rejected.map((r) => `  rejected ${r.at}: ${r.reason}`),
    ...report.warnings.map((w) => `  warning ${w.at}: ${w.message}`),
  ];
  return lines.join('\n');
}
