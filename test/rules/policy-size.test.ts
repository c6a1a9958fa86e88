import { describe, expect, it } from 'vitest';
import rule from '../../rules/policy-size.js';
import { validateAgainstSchema } from '../../src/config/json-schema.js';
import { POLICY_KINDS } from '../../src/policy/kind.js';
import { countCharacters } from '../../src/policy/size.js';
import { runRuleTests } from '../rule-tester.js';

const HEAD = '{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::';
const TAIL = '"}]}';

/** A policy without any whitespace, exactly `size` characters long. */
function compactPolicy(size: number): string {
  return `${HEAD}${'b'.repeat(size - HEAD.length - TAIL.length)}${TAIL}`;
}

const CONDITION_HEAD = '{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*",' +
  '"Condition":{"StringEquals":{"aws:PrincipalTag/team":"';
const CONDITION_TAIL = '"}}}]}';

/** A policy of `size` characters whose only whitespace is `spaces` spaces inside a value. */
function policyWithSpacedValue(size: number, spaces: number): string {
  const letters = size - spaces - CONDITION_HEAD.length - CONDITION_TAIL.length;
  return `${CONDITION_HEAD}${'t'.repeat(letters)}${' '.repeat(spaces)}${CONDITION_TAIL}`;
}

/** `count` statements indented by two spaces per level, as editors and JSON.stringify do. */
function prettyPolicy(count: number, effect: 'Allow' | 'Deny'): string {
  const statements = Array.from({ length: count }, (_, index) => ({
    Sid: `ReadBucket${index}`,
    Effect: effect,
    Action: ['s3:GetObject', 's3:ListBucket'],
    Resource: [`arn:aws:s3:::bucket-${index}`, `arn:aws:s3:::bucket-${index}/*`],
  }));
  return JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
}

// Where every finding points: the "Statement" key of a compact or an indented policy.
const AT_COMPACT_STATEMENT = { line: 1, column: 2, endLine: 1, endColumn: 13 };
const AT_PRETTY_STATEMENT = { line: 3, column: 3, endLine: 3, endColumn: 14 };

runRuleTests(rule, {
  valid: [
    // Exactly at the limit is allowed.
    compactPolicy(6144),
    { code: compactPolicy(2048), kind: 'inline-user' },
    { code: compactPolicy(5120), kind: 'inline-group' },
    { code: compactPolicy(10240), kind: 'inline-role' },
    { code: compactPolicy(6144), kind: 'boundary' },
    { code: compactPolicy(2048), kind: 'trust' },
    { code: compactPolicy(2048), kind: 'session' },
    { code: compactPolicy(10240), kind: 'scp' },
    { code: compactPolicy(5120), kind: 'rcp' },
    // 9,102 characters as written but 5,594 without indentation: IAM accepts it (cfn-lint #1980).
    prettyPolicy(38, 'Allow'),
    // Whitespace around the document is outside its range, even for an SCP.
    { code: `\n\n${compactPolicy(10240)}\n`, kind: 'scp' },
    // Resource policies have no default limit: each service sets its own.
    { code: compactPolicy(30000), kind: 'resource' },
    // A raised trust quota.
    { code: compactPolicy(4096), kind: 'trust', options: { limits: { trust: 4096 } } },
    // A pipeline that minifies SCPs before upload is measured without indentation.
    { code: prettyPolicy(44, 'Deny'), kind: 'scp', options: { minifiedBeforeUpload: true } },
  ],
  invalid: [
    // One character over the managed policy quota.
    {
      code: compactPolicy(6145),
      errors: [
        {
          messageId: 'sizeExceeded',
          data: { kind: 'managed policy', count: '6,145', limit: '6,144' },
          ...AT_COMPACT_STATEMENT,
        },
      ],
    },
    // Over the quota only if the spaces inside a value count: AWS does not say, so a warning.
    {
      code: policyWithSpacedValue(6150, 6),
      errors: [
        {
          messageId: 'sizeAmbiguous',
          data: { kind: 'managed policy', count: '6,150', limit: '6,144', stripped: '6,144' },
          severity: 1,
          ...AT_COMPACT_STATEMENT,
        },
      ],
    },
    // Over the quota even without the spaces inside a value: an error.
    {
      code: policyWithSpacedValue(6150, 5),
      errors: [
        {
          messageId: 'sizeExceeded',
          data: { kind: 'managed policy', count: '6,145', limit: '6,144' },
          ...AT_COMPACT_STATEMENT,
        },
      ],
    },
    // An identity takes only one permissions boundary, so the fix is not to split it.
    {
      code: compactPolicy(6145),
      kind: 'boundary',
      errors: [
        {
          messageId: 'boundarySizeExceeded',
          data: { kind: 'permissions boundary', count: '6,145', limit: '6,144' },
          ...AT_COMPACT_STATEMENT,
        },
      ],
    },
    // Inline quotas are shared by all inline policies of the identity.
    {
      code: compactPolicy(2049),
      kind: 'inline-user',
      errors: [
        {
          messageId: 'inlineSizeExceeded',
          data: { kind: 'inline user policy', count: '2,049', limit: '2,048', identity: 'user' },
          ...AT_COMPACT_STATEMENT,
        },
      ],
    },
    {
      code: compactPolicy(5121),
      kind: 'inline-group',
      errors: [
        {
          messageId: 'inlineSizeExceeded',
          data: {
            kind: 'inline group policy',
            count: '5,121',
            limit: '5,120',
            identity: 'group',
          },
          ...AT_COMPACT_STATEMENT,
        },
      ],
    },
    {
      code: compactPolicy(10241),
      kind: 'inline-role',
      errors: [
        {
          messageId: 'inlineSizeExceeded',
          data: {
            kind: 'inline role policy',
            count: '10,241',
            limit: '10,240',
            identity: 'role',
          },
          ...AT_COMPACT_STATEMENT,
        },
      ],
    },
    // Trust policies point at the quota increase (kubeflow #6687 hit ACLSizePerRole: 2048).
    {
      code: compactPolicy(2049),
      kind: 'trust',
      errors: [
        {
          messageId: 'trustSizeExceeded',
          data: { kind: 'role trust policy', count: '2,049', limit: '2,048' },
          ...AT_COMPACT_STATEMENT,
        },
      ],
    },
    // A configured limit replaces the default, and is itself enforced.
    {
      code: compactPolicy(4097),
      kind: 'trust',
      options: { limits: { trust: 4096 } },
      errors: [
        {
          messageId: 'trustSizeExceeded',
          data: { kind: 'role trust policy', count: '4,097', limit: '4,096' },
          ...AT_COMPACT_STATEMENT,
        },
      ],
    },
    {
      code: compactPolicy(6001),
      options: { limits: { managed: 6000 } },
      errors: [
        {
          messageId: 'sizeExceeded',
          data: { kind: 'managed policy', count: '6,001', limit: '6,000' },
          ...AT_COMPACT_STATEMENT,
        },
      ],
    },
    // Organizations counts every character sent: one over the SCP quota.
    {
      code: compactPolicy(10241),
      kind: 'scp',
      errors: [
        {
          messageId: 'organizationsSizeExceeded',
          data: { kind: 'SCP', count: '10,241', limit: '10,240', unit: 'whitespace included' },
          ...AT_COMPACT_STATEMENT,
        },
      ],
    },
    {
      code: compactPolicy(5121),
      kind: 'rcp',
      errors: [
        {
          messageId: 'organizationsSizeExceeded',
          data: { kind: 'RCP', count: '5,121', limit: '5,120', unit: 'whitespace included' },
          ...AT_COMPACT_STATEMENT,
        },
      ],
    },
    // Indentation alone puts this SCP over the quota: minifying before upload fixes it.
    {
      code: prettyPolicy(44, 'Deny'),
      kind: 'scp',
      errors: [
        {
          messageId: 'sizeIndented',
          data: { kind: 'SCP', count: '10,492', limit: '10,240', compact: '6,432' },
          ...AT_PRETTY_STATEMENT,
        },
      ],
    },
    // An RCP of 5,256 characters as written (boogy/iam-policy-validator #187 let 7,664 pass).
    {
      code: prettyPolicy(22, 'Deny'),
      kind: 'rcp',
      errors: [
        {
          messageId: 'sizeIndented',
          data: { kind: 'RCP', count: '5,256', limit: '5,120', compact: '3,220' },
          ...AT_PRETTY_STATEMENT,
        },
      ],
    },
    // Minified before upload, and still over.
    {
      code: prettyPolicy(71, 'Deny'),
      kind: 'scp',
      options: { minifiedBeforeUpload: true },
      errors: [
        {
          messageId: 'organizationsSizeExceeded',
          data: { kind: 'SCP', count: '10,374', limit: '10,240', unit: 'minified' },
          ...AT_PRETTY_STATEMENT,
        },
      ],
    },
    // Session policies are limited in plaintext characters as sent.
    {
      code: compactPolicy(2049),
      kind: 'session',
      errors: [
        {
          messageId: 'sessionSizeExceeded',
          data: {
            kind: 'session policy',
            count: '2,049',
            limit: '2,048',
            unit: 'whitespace included',
          },
          ...AT_COMPACT_STATEMENT,
        },
      ],
    },
    // A resource policy is checked once a limit is configured for it.
    {
      code: compactPolicy(8193),
      kind: 'resource',
      options: { limits: { resource: 8192 } },
      errors: [
        {
          messageId: 'resourceSizeExceeded',
          data: {
            kind: 'resource policy',
            count: '8,193',
            limit: '8,192',
            unit: 'whitespace included',
          },
          ...AT_COMPACT_STATEMENT,
        },
      ],
    },
    // Only the document's range counts; the finding follows it down to line 3.
    {
      code: `\n\n${compactPolicy(10241)}\n`,
      kind: 'scp',
      errors: [
        {
          messageId: 'organizationsSizeExceeded',
          data: { kind: 'SCP', count: '10,241', limit: '10,240', unit: 'whitespace included' },
          line: 3,
          column: 2,
          endLine: 3,
          endColumn: 13,
        },
      ],
    },
    // Without a Statement key the finding sits on the opening brace.
    {
      code: `{"Version":"2012-10-17","Id":"${'i'.repeat(2049 - 32)}"}`,
      kind: 'trust',
      errors: [
        {
          messageId: 'trustSizeExceeded',
          data: { kind: 'role trust policy', count: '2,049', limit: '2,048' },
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 2,
        },
      ],
    },
  ],
});

describe('policy-size fixtures', () => {
  // The table's counts are only meaningful if the fixtures are what their comments say.
  it('builds policies of the stated sizes', () => {
    expect(countCharacters(compactPolicy(6144)).asWritten).toBe(6144);
    expect(countCharacters(policyWithSpacedValue(6150, 6))).toEqual({
      asWritten: 6150,
      compact: 6150,
      stripped: 6144,
    });
    expect(countCharacters(prettyPolicy(38, 'Allow'))).toEqual({
      asWritten: 9102,
      compact: 5594,
      stripped: 5594,
    });
  });

  // The indented count matches what a minifier produces, not just our own counter.
  it('counts an indented policy as its minified length', () => {
    const text = prettyPolicy(44, 'Deny');
    expect(countCharacters(text).compact).toBe(JSON.stringify(JSON.parse(text)).length);
  });
});

describe('policy-size schema', () => {
  const { schema } = rule.meta;

  it('describes every property and every kind limit', () => {
    const limits = schema.properties?.limits;
    expect(Object.keys(limits?.properties ?? {}).sort()).toEqual([...POLICY_KINDS].sort());
    const properties = [schema.properties ?? {}, limits?.properties ?? {}].flatMap(Object.values);
    for (const property of properties) expect(property.description).toMatch(/\.$/u);
  });

  // The CLI merges the config's top-level limits into this option, so it must be validated.
  it('accepts a raised trust limit and rejects unknown kinds and non-positive limits', () => {
    const check = (options: unknown) => validateAgainstSchema(options, schema, 'options');
    expect(check({ limits: { trust: 8192 }, minifiedBeforeUpload: true })).toBeUndefined();
    expect(check({ limits: { trsut: 8192 } })).toMatch(/options\.limits\.trsut is not a known/u);
    expect(check({ limits: { scp: 0 } })).toBe('options.limits.scp must be at least 1');
    expect(check({ limits: { scp: 10.5 } })).toMatch(/must be an integer/u);
  });
});
