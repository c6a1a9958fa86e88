import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-duplicate-keys.js';
import { lintSource } from '../../src/engine/lint.js';
import { createSourceFile } from '../../src/engine/source-file.js';
import { lintWithRule, runRuleTests } from '../rule-tester.js';

runRuleTests(rule, {
  valid: [
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}',
    // The same key in two different objects is not a repeat.
    '{"Statement":[{"Sid":"A","Effect":"Allow"},{"Sid":"B","Effect":"Deny"}]}',
    // Keys are case-sensitive: "Effect" and "effect" are different keys.
    '{"Statement":{"Effect":"Allow","effect":"Deny"}}',
    // A repeated value in an array is not a repeated key.
    '{"Statement":{"Effect":"Allow","Action":["s3:GetObject","s3:GetObject"]}}',
  ],
  invalid: [
    // A repeated top-level key: the second Statement replaces the first.
    {
      code: `{
  "Version": "2012-10-17",
  "Statement": [{ "Effect": "Deny", "Action": "*", "Resource": "*" }],
  "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }]
}`,
      errors: [
        {
          messageId: 'duplicateKey',
          data: { key: 'Statement', firstLine: 3 },
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 14,
        },
      ],
    },
    // Nested in a Condition block, where a second operator key drops the first condition.
    {
      code: `{"Statement": [{
  "Effect": "Allow",
  "Action": "s3:GetObject",
  "Resource": "*",
  "Condition": {
    "StringEquals": {"aws:PrincipalTag/team": "data"},
    "StringEquals": {"aws:RequestedRegion": "eu-west-1"}
  }
}]}`,
      errors: [
        {
          messageId: 'duplicateKey',
          data: { key: 'StringEquals', firstLine: 6 },
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 19,
        },
      ],
    },
    // Inside a principal map, two levels below the statement.
    {
      code: '{"Statement":{"Effect":"Allow","Principal":{"AWS":"111122223333",' +
        '"AWS":"444455556666"},"Action":"sts:AssumeRole"}}',
      errors: [
        {
          messageId: 'duplicateKey',
          data: { key: 'AWS', firstLine: 1 },
          line: 1,
          column: 66,
          endLine: 1,
          endColumn: 71,
        },
      ],
    },
    // Three times: the second and the third are reported, both pointing at the first.
    {
      code: `{"Statement": {
  "Action": "s3:GetObject",
  "Action": "s3:PutObject",
  "Action": "s3:DeleteObject"
}}`,
      errors: [
        {
          messageId: 'duplicateKey',
          data: { key: 'Action', firstLine: 2 },
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 11,
        },
        {
          messageId: 'duplicateKey',
          data: { key: 'Action', firstLine: 2 },
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 11,
        },
      ],
    },
    // Keys compare by value: an escaped "Effect" is the same key, shown as written.
    {
      code: String.raw`{"Statement":{"Effect":"Deny","\u0045ffect":"Allow"}}`,
      errors: [
        {
          messageId: 'duplicateKey',
          data: { key: String.raw`\u0045ffect`, firstLine: 1 },
          line: 1,
          column: 31,
          endLine: 1,
          endColumn: 44,
        },
      ],
    },
    // Objects inside arrays inside objects are walked too.
    {
      code: '{"Statement":[{"Condition":{"ForAnyValue:StringEquals":{"aws:TagKeys":["a"],' +
        '"aws:TagKeys":["b"]}}}]}',
      errors: [
        {
          messageId: 'duplicateKey',
          data: { key: 'aws:TagKeys', firstLine: 1 },
          line: 1,
          column: 77,
          endLine: 1,
          endColumn: 90,
        },
      ],
    },
  ],
});

describe('no-duplicate-keys on deep nesting', () => {
  // The parser accepts 64 levels; the walk must reach the bottom and find the repeat there.
  it('finds a repeat at the deepest level the parser allows', () => {
    const depth = 62;
    const code = `{"Statement":${'{"a":'.repeat(depth)}{"k":1,"k":2}${'}'.repeat(depth)}}`;
    const source = createSourceFile('deep.json', code);
    const { findings } = lintSource(source, { rules: [{ rule, severity: 2, options: {} }] });
    expect(findings.map(finding => [finding.messageId, finding.data])).toEqual([
      ['duplicateKey', { key: 'k', firstLine: 1 }],
    ]);
  });

  it('renders the key, the first line and the fix', () => {
    const source = createSourceFile('policy.json', '{"Statement":[],\n"Statement":[]}');
    const { findings } = lintSource(source, { rules: [{ rule, severity: 2, options: {} }] });
    expect(findings[0]?.message).toBe(
      'Key "Statement" is already defined on line 1. Only the last value of a repeated key ' +
        "is used, as JSON.parse and iamlint's rules read it, and the others are ignored. " +
        'Merge the values under one key or delete the ones you do not mean.',
    );
  });
});

describe('no-duplicate-keys on huge arrays', () => {
  // Spreading the elements of a 130,000-statement array once overflowed the call stack.
  it('walks an array of 130,000 statements and finds the repeat in the last one', () => {
    const statement = '{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}';
    const code = `{"Statement":[${`${statement},`.repeat(130_000)}{"Sid":"a","Sid":"b"}]}`;
    expect(lintWithRule(rule, { code })).toMatchObject([
      { messageId: 'duplicateKey', data: { key: 'Sid', firstLine: 1 } },
    ]);
  });
});
