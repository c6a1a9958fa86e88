/**
 * The default terminal format: one line per finding (`path:line:col: severity: message
 * [rule-id]`), the source line with the offending token underlined, then a summary.
 */

import { Chalk, type ChalkInstance } from 'chalk';
import type { Finding } from '../engine/finding.js';
import type { FileResult } from '../engine/lint.js';
import type { SourceFile } from '../engine/source-file.js';
import { type FormatContext, type Formatter, countFindings } from './formatter.js';
import { escapeForTerminal, maskForTerminal } from './terminal-safe.js';

/** Minified policies put everything on one line; show a window of it around the token. */
const SNIPPET_WIDTH = 100;

export const formatStylish: Formatter = (results, context) => {
  const chalk = new Chalk({ level: context.color ? 1 : 0 });
  const blocks: string[] = [];
  for (const result of results) {
    for (const finding of result.findings) {
      blocks.push(formatFinding(result, finding, chalk));
    }
  }
  blocks.push(formatSummary(results, context, chalk));
  return `${blocks.join('\n\n')}\n`;
};

function formatFinding(result: FileResult, finding: Finding, chalk: ChalkInstance): string {
  const path = escapeForTerminal(result.source.path);
  const where = chalk.bold(`${path}:${finding.line}:${finding.column}:`);
  const severity = finding.severity === 2 ? chalk.red('error') : chalk.yellow('warning');
  const rule = chalk.gray(`[${finding.ruleId ?? 'fatal'}]`);
  const header = `${where} ${severity}: ${escapeForTerminal(finding.message)} ${rule}`;
  const snippet = formatSnippet(result.source, finding, chalk);
  return snippet ? `${header}\n${snippet}` : header;
}

function formatSnippet(source: SourceFile, finding: Finding, chalk: ChalkInstance): string {
  const lineStart = source.lineStarts[finding.line - 1];
  if (lineStart === undefined || source.text.length === 0) return '';
  const lineLength = lineLengthAt(source, finding.line);

  const startColumn = finding.column - 1;
  const endColumn = finding.endLine === finding.line ? finding.endColumn - 1 : lineLength;
  const width = Math.max(1, Math.min(endColumn, lineLength) - startColumn);

  // Only the window is copied: a minified policy is one line of megabytes.
  const windowStart = lineLength > SNIPPET_WIDTH
    ? Math.max(0, Math.min(startColumn - 20, lineLength - SNIPPET_WIDTH))
    : 0;
  const windowEnd = Math.min(lineLength, windowStart + SNIPPET_WIDTH);
  const before = windowStart > 0 ? '…' : '';
  const after = windowEnd < lineLength ? '…' : '';
  const shown = maskForTerminal(source.text.slice(lineStart + windowStart, lineStart + windowEnd));

  // Keep tabs in the padding so the caret lines up with the token in a terminal.
  const padding = before.replace(/./gu, ' ') +
    shown.slice(0, startColumn - windowStart).replace(/[^\t]/gu, ' ');
  const underline = `^${'~'.repeat(Math.max(0, Math.min(width, windowEnd - startColumn) - 1))}`;

  const gutter = String(finding.line).padStart(4);
  const blank = ' '.repeat(gutter.length);
  return `${chalk.gray(`${gutter} |`)} ${before}${shown}${after}\n` +
    `${chalk.gray(`${blank} |`)} ${padding}${chalk.cyan(underline)}`;
}

/** The length of a 1-based line without its line break. */
function lineLengthAt(source: SourceFile, line: number): number {
  const start = source.lineStarts[line - 1] ?? 0;
  let end = source.lineStarts[line] ?? source.text.length;
  while (end > start && /[\r\n\u2028\u2029]/u.test(source.text[end - 1] ?? '')) end--;
  return end - start;
}

function formatSummary(
  results: readonly FileResult[],
  { summary }: FormatContext,
  chalk: ChalkInstance,
): string {
  const { errors, warnings } = countFindings(results);
  const checked = plural(results.length, 'policy file');
  const skipped = summary.skippedFiles > 0
    ? `, ${plural(summary.skippedFiles, 'other JSON file')} skipped`
    : '';

  if (errors + warnings === 0) {
    return chalk.green(`✔ No problems in ${checked}${skipped}.`);
  }
  const withProblems = results.filter(result => result.findings.length > 0).length;
  const counts = `${plural(errors + warnings, 'problem')} ` +
    `(${plural(errors, 'error')}, ${plural(warnings, 'warning')})`;
  const colour = errors > 0 ? chalk.red : chalk.yellow;
  return colour(`✖ ${counts} in ${withProblems} of ${checked}${skipped}.`);
}

function plural(count: number, noun: string): string {
  return `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;
}
