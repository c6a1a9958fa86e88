/**
 * ESLint's JSON result shape, so tools that read ESLint results read iamlint's.
 * https://eslint.org/docs/latest/use/formatters/#json
 */

import { resolve } from 'node:path';
import type { FileResult } from '../engine/lint.js';
import type { Formatter } from './formatter.js';

export const formatJson: Formatter = (results, { cwd }) =>
  `${JSON.stringify(results.map(result => toEslintResult(result, cwd)))}\n`;

function toEslintResult(result: FileResult, cwd: string) {
  const { path } = result.source;
  const messages = result.findings.map(finding => ({
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    line: finding.line,
    column: finding.column,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
    ...(finding.messageId ? { messageId: finding.messageId } : {}),
    ...(finding.fatal ? { fatal: true } : {}),
  }));
  const errorCount = messages.filter(message => message.severity === 2).length;
  return {
    filePath: path === '<stdin>' ? path : resolve(cwd, path),
    messages,
    suppressedMessages: [],
    errorCount,
    fatalErrorCount: messages.filter(message => message.fatal).length,
    warningCount: messages.length - errorCount,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    usedDeprecatedRules: [],
  };
}
