import { describe, expect, it } from 'vitest';
import { parseJson } from '../../src/engine/parse.js';
import { createSourceFile } from '../../src/engine/source-file.js';
import { createDocument } from '../../src/policy/document.js';
import { isBroadValue } from '../../src/policy/condition-values.js';
import { conditionEntries, pinsValue } from '../../src/policy/conditions.js';

/** The entries of a one-statement policy with this Condition block. */
function entriesOf(condition: object) {
  return entriesOfText(JSON.stringify(condition));
}

/** The same from the block's JSON text, which can repeat a key. */
function entriesOfText(condition: string) {
  const text = `{"Statement":[{"Effect":"Allow","Condition":${condition}}]}`;
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

describe('conditionEntries', () => {
  // IAM, like JSON.parse, keeps only the last value of a repeated operator or key.
  it('reads a repeated operator or key once, with its last value', () => {
    const entries = entriesOfText(
      '{"StringEquals":{"sts:ExternalId":"s"},"Bool":{"aws:SecureTransport":"true"},' +
        '"StringEquals":{"aws:PrincipalTag/t":"x","aws:PrincipalTag/t":"y"}}',
    );
    const read = entries.map(entry => [entry.operator, entry.key, entry.values[0]?.value]);
    expect(read).toEqual([
      ['Bool', 'aws:SecureTransport', 'true'],
      ['StringEquals', 'aws:PrincipalTag/t', 'y'],
    ]);
  });
});

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

  // AWS says never to use wildcards with these keys: a fixed "vpce-" or "o-a" pins nothing.
  it('treats any wildcard in a sensitive id key as broad, where wildcards match', () => {
    expect(broad('StringLike', 'aws:SourceVpce', 'vpce-*')).toBe(true);
    expect(broad('StringLike', 'aws:SourceVpc', 'vpc-*')).toBe(true);
    expect(broad('StringLike', 'aws:PrincipalOrgID', 'o-a*')).toBe(true);
    expect(broad('StringLike', 'AWS:PRINCIPALACCOUNT', '111*')).toBe(true);
    expect(broad('StringLike', 'aws:SourceAccount', '11112222333?')).toBe(true);
    expect(broad('StringLike', 'aws:ResourceOrgID', 'o-a1b2c3d4e5*')).toBe(true);
    expect(broad('StringLike', 'aws:PrincipalAccount', '111122223333')).toBe(false);
    // StringEquals compares "vpce-*" literally, and aws:SourceArn is not an id key.
    expect(broad('StringEquals', 'aws:SourceVpce', 'vpce-*')).toBe(false);
    expect(broad('ArnLike', 'aws:SourceArn', 'arn:aws:sns:*:111122223333:*')).toBe(false);
  });

  // aws:userid is "<unique id>:<session name>" for a role session.
  it('treats a wildcard inside the unique id of aws:userid as broad', () => {
    expect(broad('StringLike', 'aws:userid', 'AROA*')).toBe(true);
    expect(broad('StringLike', 'aws:userid', 'AROA?EXAMPLEID:ci')).toBe(true);
    expect(broad('StringLike', 'aws:userid', 'AROAEXAMPLEID:*')).toBe(false);
    expect(broad('StringLike', 'aws:userid', 'AIDAEXAMPLEID')).toBe(false);
  });

  // Bucket names are global: AWS's own S3 event notification example uses wildcards here.
  it('judges bucket and object ARNs by their resource only', () => {
    expect(broad('ArnLike', 'aws:SourceArn', 'arn:aws:s3:*:*:awsexamplebucket1')).toBe(false);
    expect(broad('ArnLike', 'aws:SourceArn', 'arn:aws:s3:::awsexamplebucket1/*')).toBe(false);
    expect(broad('ArnLike', 'aws:SourceArn', 'arn:aws:s3:*:*:*')).toBe(true);
    expect(broad('ArnLike', 'aws:SourceArn', 'arn:aws:s3:::ab*')).toBe(true);
    // Access points and Batch Operations jobs belong to an account.
    expect(broad('ArnLike', 'aws:SourceArn', 'arn:aws:s3:*:*:accesspoint/*')).toBe(true);
    expect(broad('ArnLike', 'aws:SourceArn', 'arn:aws:s3:*:*:job/*')).toBe(true);
    const ownAccessPoint = 'arn:aws:s3:us-east-1:111122223333:accesspoint/*';
    expect(broad('ArnLike', 'aws:SourceArn', ownAccessPoint)).toBe(false);
    // A literal account matches no bucket, only that account's own S3 resources.
    expect(broad('ArnLike', 'aws:SourceArn', 'arn:aws:s3:*:111122223333:*')).toBe(false);
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
