/** Findings: what the engine hands to formatters, positions resolved, message rendered. */

import type { SourceFile } from './source-file.js';
import { positionAt } from './positions.js';
import type { MessageData } from './rule.js';

export type SeverityLevel = 1 | 2;

export interface Finding extends FindingInput {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface FindingInput {
  /** null for a file that cannot be read or parsed, as in ESLint's results. */
  ruleId: string | null;
  messageId?: string;
  data?: MessageData;
  severity: SeverityLevel;
  message: string;
  fatal?: boolean;
  start: number;
  end: number;
}

export function createFinding(source: SourceFile, input: FindingInput): Finding {
  const start = positionAt(source.lineStarts, input.start);
  const end = positionAt(source.lineStarts, input.end);
  return {
    ...input,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
  };
}

/** A fatal finding: the file could not be read or parsed, or holds no policy object. */
export function fatalFinding(
  source: SourceFile,
  message: string,
  start = 0,
  end = start,
): Finding {
  return createFinding(source, { ruleId: null, severity: 2, message, fatal: true, start, end });
}

export function renderMessage(template: string, data: MessageData = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/gu, (placeholder, name: string) =>
    name in data ? String(data[name]) : placeholder,
  );
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.start - b.start || a.end - b.end || (a.ruleId ?? '').localeCompare(b.ruleId ?? '');
}
