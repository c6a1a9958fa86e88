/** What every output format receives: the results in order, and how the run was set up. */

import type { FileResult } from '../engine/lint.js';

export interface RunSummary {
  /** Files read that held no policy (package.json, tsconfig.json, ...), skipped silently. */
  skippedFiles: number;
}

export interface FormatContext {
  cwd: string;
  color: boolean;
  summary: RunSummary;
}

export type Formatter = (results: readonly FileResult[], context: FormatContext) => string;

export interface Totals {
  errors: number;
  warnings: number;
  fatal: number;
}

export function countFindings(results: readonly FileResult[]): Totals {
  const totals = { errors: 0, warnings: 0, fatal: 0 };
  for (const result of results) {
    for (const finding of result.findings) {
      if (finding.severity === 2) totals.errors++;
      else totals.warnings++;
      if (finding.fatal) totals.fatal++;
    }
  }
  return totals;
}
