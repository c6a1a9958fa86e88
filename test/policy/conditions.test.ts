import { describe, expect, it } from 'vitest';
import { parseJson } from '../../src/engine/parse.js';
import { createSourceFile } from '../../src/engine/source-file.js';
import { createDocument } from '../../src/policy/document.js';
import { conditionEntries, isBroadValue, pinsValue } from '../../src/policy/conditions.js';

/** The entries of a one-statement policy with this Condition block. */
function entriesOf(condition: object) {
  const text = JSON.stringify({ Statement: [{ Effect: 'Allow', Condition: condition }] });
  const { root } = parseJson(text);
  if (!root) throw new Error('test policy did not parse');
  const [statement] = createDocument(createSourceFile('t.json', text), root, 'resource')
    .statements;
  if (!statement) throw new Error('no statement');
  return conditionEntries(statement);
}

const broad = (operator: string, key: string, value: string) => {
  const [entry] = entriesOf({ [operator]: { [key]: value } });
  if (!entry) throw new Error('no entry');
  return isBroadValue(entry, value);
};

describe('isBroadValue', () => {
  it('treats wildcard-only values as broad under any operator', () => {
    expect(broad('StringEquals', 'aws:PrincipalOrgID', '*')).toBe(true);
    expect(broad('StringLike', 'aws:PrincipalOrgID', '')).toBe(true);
  });

  it('treats patterns with almost no literal prefix as broad, where wildcards match', () => {
    expect(broad('StringLike', 'aws:PrincipalOrgID', 'o-*')).toBe(true);
    expect(broad('StringLike', 'iam:PassedToService', '*.amazonaws.com')).toBe(true);
    expect(broad('StringLike', 'iam:PassedToService', 'ec2.*')).toBe(false);
    // StringEquals compares "o-*" literally: it matches no real organization.
    expect(broad('StringEquals', 'aws:PrincipalOrgID', 'o-*')).toBe(false);
  });

  it('treats ARN patterns for any account as broad', () => {
    expect(broad('ArnLike', 'aws:SourceArn', 'arn:aws:sns:*:*:*')).toBe(true);
    expect(broad('ArnEquals', 'aws:SourceArn', 'arn:aws:s3:::*')).toBe(true);
    expect(broad('ArnLike', 'aws:SourceArn', 'arn:aws:sns:*:111122223333:*')).toBe(false);
    expect(broad('ArnLike', 'aws:SourceArn', 'arn:aws:s3:::my-bucket/*')).toBe(false);
  });

  it('treats ranges covering a large part of the internet as broad', () => {
    expect(broad('IpAddress', 'aws:SourceIp', '0.0.0.0/0')).toBe(true);
    expect(broad('IpAddress', 'aws:SourceIp', '128.0.0.0/1')).toBe(true);
    expect(broad('IpAddress', 'aws:SourceIp', '2001:db8::/8')).toBe(true);
    expect(broad('IpAddress', 'aws:SourceIp', '203.0.113.0/24')).toBe(false);
  });
});

describe('pinsValue', () => {
  it('needs every value to be specific, since the values of a key are alternatives', () => {
    const [split] = entriesOf({ IpAddress: { 'aws:SourceIp': ['0.0.0.0/1', '128.0.0.0/1'] } });
    const [pinned] = entriesOf({ StringEquals: { 'aws:SourceAccount': ['111122223333'] } });
    expect(split && pinsValue(split)).toBe(false);
    expect(pinned && pinsValue(pinned)).toBe(true);
  });

  it('lets IfExists narrow only keys every covered request carries', () => {
    const condition = { StringEqualsIfExists: { 'iam:PassedToService': 'ec2.amazonaws.com' } };
    const [entry] = entriesOf(condition);
    expect(entry && pinsValue(entry)).toBe(false);
    expect(entry && pinsValue(entry, { keyAlwaysPresent: true })).toBe(true);
  });
});
