import { describe, expect, it } from 'vitest';
import { lintSource } from '../../src/engine/lint.js';
import { createRule } from '../../src/engine/rule.js';
import { createSourceFile } from '../../src/engine/source-file.js';
import { POLICY_KINDS } from '../../src/policy/kind.js';

const reportsEveryStatement = createRule<'seen', Record<string, never>>({
  id: 'test-every-statement',
  meta: {
    description: 'Require nothing, report every statement',
    kinds: POLICY_KINDS,
    defaultSeverity: 'error',
    messages: { seen: 'Statement {{index}} of a {{kind}} policy.' },
    schema: {},
    defaultOptions: {},
    recommended: false,
  },
  check({ document, report }) {
    for (const statement of document.statements) {
      report(statement.node, 'seen', { index: statement.index, kind: document.kind });
    }
  },
});

const throws = createRule<'never', Record<string, never>>({
  ...reportsEveryStatement,
  id: 'test-throws',
  meta: { ...reportsEveryStatement.meta, messages: { never: 'Never.' }, advisoryMessages: [] },
  check() {
    throw new Error('boom');
  },
});

const lint = (text: string, request: { isPolicy?: boolean; withThrowing?: boolean } = {}) =>
  lintSource(createSourceFile('p.json', text), {
    rules: [
      { rule: reportsEveryStatement, severity: 2, options: {} },
      ...(request.withThrowing ? [{ rule: throws, severity: 2 as const, options: {} }] : []),
    ],
    isPolicy: request.isPolicy,
  });

describe('lintSource', () => {
  it('skips JSON that is not a policy, silently', () => {
    const result = lint('{"name": "iamlint", "version": "1.0.0"}');
    expect(result).toMatchObject({ isPolicy: false, findings: [] });
  });

  it('skips broken JSON that does not look like a policy', () => {
    expect(lint('{"compilerOptions": {// comment\n}}').isPolicy).toBe(false);
  });

  it('reports broken JSON whose partial tree looks like a policy', () => {
    const result = lint('{"Version": "2012-10-17", "Statement": [');
    expect(result.isPolicy).toBe(true);
    expect(result.findings).toMatchObject([{ ruleId: null, fatal: true, severity: 2, line: 1 }]);
  });

  // Single quotes break parsing at the first character, before any key is read.
  it('reports broken JSON whose text reads like a policy', () => {
    const result = lint("{'Version': '2012-10-17', 'Statement': [{'Effect': 'Allow'}]}");
    expect(result.isPolicy).toBe(true);
    expect(result.findings).toMatchObject([
      {
        ruleId: null,
        fatal: true,
        message: 'Parsing error: Unexpected character "\'". ' +
          'JSON needs straight double quotes (").',
      },
    ]);
  });

  it('reports a named file that holds an array, once, as fatal', () => {
    const result = lint('[{"Effect": "Allow"}]', { isPolicy: true });
    expect(result.findings.map(finding => [finding.message, finding.fatal])).toEqual([
      [
        'A policy document is a JSON object with "Version" and "Statement"; ' +
          'this file holds an array.',
        true,
      ],
    ]);
  });

  it('reads the kind from the content', () => {
    const kinds = (text: string) => lint(text).findings.map(finding => finding.data?.kind);
    expect(kinds('{"Statement": {"Effect": "Allow", "Action": "s3:*"}}')).toEqual(['managed']);
    expect(kinds('{"Statement": [{"Principal": {"Service": "ec2.amazonaws.com"}, ' +
      '"Action": ["sts:AssumeRole", "sts:TagSession"]}]}')).toEqual(['trust']);
    expect(kinds('{"Statement": [{"Principal": "*", "Action": "s3:GetObject"}]}'))
      .toEqual(['resource']);
    // A trust policy names no Resource, even when its Action is "*" or a NotAction.
    expect(kinds('{"Statement": [{"Principal": {"AWS": "111122223333"}, "Action": "*"}]}'))
      .toEqual(['trust']);
    expect(kinds('{"Statement": [{"Principal": {"AWS": "111122223333"}, ' +
      '"NotAction": "sts:TagSession"}]}')).toEqual(['trust']);
    // ... while a key policy with "*" names its key.
    expect(kinds('{"Statement": [{"Principal": {"AWS": "111122223333"}, "Action": "*", ' +
      '"Resource": "*"}]}')).toEqual(['resource']);
  });

  it('keeps the other rules and reports a rule that throws as its own finding', () => {
    const result = lint('{"Statement": [{}]}', { withThrowing: true });
    // The crash is reported at the document's start, so it sorts first.
    expect(result.findings.map(finding => [finding.ruleId, finding.fatal ?? false])).toEqual([
      ['test-throws', true],
      ['test-every-statement', false],
    ]);
    expect(result.findings[0]?.message).toBe(
      'Rule "test-throws" failed on this document (boom); please report it with the file.',
    );
  });
});
