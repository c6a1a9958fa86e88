/**
 * A valid/invalid table runner in the manner of ESLint's RuleTester: each invalid case pins
 * every finding's message id, data, severity and full range.
 */

import { describe, expect, it } from 'vitest';
import { lintSource } from '../src/engine/lint.js';
import type { AnyRule, MessageData } from '../src/engine/rule.js';
import { createSourceFile } from '../src/engine/source-file.js';
import type { PolicyKind } from '../src/policy/kind.js';

export interface ValidCase {
  code: string;
  kind?: PolicyKind;
  options?: unknown;
}

export interface ExpectedFinding {
  messageId: string;
  data?: MessageData;
  severity?: 1 | 2;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedFinding[];
}

export function lintWithRule(rule: AnyRule, testCase: ValidCase) {
  const options = { ...rule.meta.defaultOptions, ...(testCase.options as object | undefined) };
  const severity = rule.meta.defaultSeverity === 'error' ? 2 : 1;
  return lintSource(createSourceFile('test.json', testCase.code), {
    rules: [{ rule, severity, options }],
    kind: testCase.kind,
  }).findings;
}

export function runRuleTests(
  rule: AnyRule,
  tests: { valid: readonly (string | ValidCase)[]; invalid: readonly InvalidCase[] },
): void {
  describe(rule.id, () => {
    describe('valid', () => {
      for (const [index, test] of tests.valid.entries()) {
        const testCase = typeof test === 'string' ? { code: test } : test;
        it(`valid #${index}: ${summarize(testCase.code)}`, () => {
          expect(lintWithRule(rule, testCase)).toEqual([]);
        });
      }
    });

    describe('invalid', () => {
      for (const [index, testCase] of tests.invalid.entries()) {
        it(`invalid #${index}: ${summarize(testCase.code)}`, () => {
          const actual = lintWithRule(rule, testCase).map(finding => ({
            messageId: finding.messageId,
            ...(finding.data ? { data: finding.data } : {}),
            severity: finding.severity,
            line: finding.line,
            column: finding.column,
            endLine: finding.endLine,
            endColumn: finding.endColumn,
          }));
          const expected = testCase.errors.map(error => ({
            ...error,
            severity: error.severity ?? (rule.meta.defaultSeverity === 'error' ? 2 : 1),
          }));
          expect(actual).toEqual(expected);
        });
      }
    });
  });
}

function summarize(code: string): string {
  const flat = code.replace(/\s+/gu, ' ').trim();
  return flat.length > 70 ? `${flat.slice(0, 67)}...` : flat;
}
