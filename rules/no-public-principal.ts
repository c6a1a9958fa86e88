/**
 * Flags Allow statements open to everyone (`"*"` or `{"AWS": "*"}`, which includes anonymous
 * callers) with no condition that pins who the caller is or where the call comes from.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-anonymous
 */

import { createRule } from '../src/engine/rule.js';
import { isAllow } from '../src/policy/document.js';
import type { Statement } from '../src/policy/document.js';
import { conditionEntries, keyIs, pinsValue } from '../src/policy/conditions.js';
import { isEveryone, principalEntries } from '../src/policy/principals.js';

export type MessageIds = 'publicPrincipal' | 'allowNotPrincipal';

export interface Options {
  pinningKeys: string[];
}

/**
 * Keys that identify the caller's organization, account, identity, source resource, network
 * or endpoint. kms:CallerAccount and s3:DataAccessPointAccount are how AWS's own default key
 * and access-point policies pin a "*" principal. aws:SourceOwner, an SNS key holding the
 * account a request comes from or is made for, pins it to the owner's account in the policy
 * SNS writes for every new topic.
 * https://docs.aws.amazon.com/sns/latest/dg/sns-access-policy-use-cases.html
 */
const DEFAULT_PINNING_KEYS = [
  'aws:PrincipalOrgID',
  'aws:PrincipalOrgPaths',
  'aws:PrincipalAccount',
  'aws:PrincipalArn',
  'aws:userid',
  'aws:SourceArn',
  'aws:SourceAccount',
  'aws:SourceOrgID',
  'aws:SourceOrgPaths',
  'aws:SourceOwner',
  'aws:SourceVpc',
  'aws:SourceVpcArn',
  'aws:SourceVpce',
  'aws:VpceAccount',
  'aws:VpceOrgID',
  'aws:VpceOrgPaths',
  'aws:SourceIp',
  'aws:VpcSourceIp',
  'kms:CallerAccount',
  's3:DataAccessPointAccount',
  's3:DataAccessPointArn',
];

export default createRule<MessageIds, Options>({
  id: 'no-public-principal',
  meta: {
    description: 'Disallow Allow statements open to every principal without a pinning condition',
    kinds: ['resource', 'trust'],
    defaultSeverity: 'error',
    messages: {
      publicPrincipal:
        'Principal {{principal}} lets anyone, anonymous callers included, use this statement, ' +
        'and no condition pins the caller. Name the principals, or add a condition such as ' +
        '"aws:PrincipalOrgID", "aws:SourceArn" or "aws:SourceVpce" with a specific value.',
      allowNotPrincipal:
        'Allow with NotPrincipal grants this statement to everyone except the listed ' +
        'principals, anonymous callers included. Use Principal with the principals you mean.',
    },
    schema: {
      type: 'object',
      properties: {
        pinningKeys: {
          type: 'array',
          items: { type: 'string', pattern: '^[^:]+:.+$' },
          description: 'Condition keys that pin the caller; replaces the default list.',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { pinningKeys: DEFAULT_PINNING_KEYS },
    recommended: true,
  },

  check({ document, options, report }) {
    const isPinned = (statement: Statement) =>
      conditionEntries(statement).some(
        entry => pinsValue(entry) && options.pinningKeys.some(key => keyIs(entry, key)),
      );

    for (const statement of document.statements) {
      // Skip Deny: denying everyone is a guard rail, not an exposure.
      if (!isAllow(statement)) continue;

      if (statement.notPrincipal && !isPinned(statement)) {
        report(statement.notPrincipal.key, 'allowNotPrincipal');
      }

      const everyone = principalEntries(statement.principal).filter(isEveryone);
      if (everyone.length === 0 || isPinned(statement)) continue;

      for (const entry of everyone) {
        const principal = entry.type === '*' ? '"*"' : '{"AWS": "*"}';
        report(entry.node, 'publicPrincipal', { principal });
      }
    }
  },
});
