/**
 * Flags trust policies that let a whole AWS account assume the role without an
 * `sts:ExternalId` (or MFA) condition, which leaves the role open to the confused deputy
 * problem when that account belongs to a third party acting for many customers.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_third-party.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
 */

import { createRule } from '../src/engine/rule.js';
import { statementCoversAction } from '../src/policy/actions.js';
import {
  type ConditionEntry,
  type ConditionValue,
  conditionEntries,
  keyIs,
  requiresMatch,
} from '../src/policy/conditions.js';
import { type Statement, isAllow } from '../src/policy/document.js';
import { rawText } from '../src/policy/json-node.js';
import { type PrincipalEntry, accountOf, principalEntries } from '../src/policy/principals.js';

export type MessageIds = 'missingExternalId' | 'accountIdAsNumber';

export interface Options {
  trustedAccounts: string[];
}

/** Operators that compare the external id exactly (StringLike only without wildcards). */
const EXACT_STRING_OPERATORS = new Set(['stringequals', 'stringlike']);

/** A value the caller has to send as written: not empty and free of `*` and `?`. */
function isFixedValue(value: ConditionValue['value']): boolean {
  if (typeof value === 'number') return true;
  return typeof value === 'string' && value !== '' && !/[*?]/u.test(value);
}

/** `StringEquals` (or wildcard-free `StringLike`) on `sts:ExternalId`, not IfExists. */
function pinsExternalId(entry: ConditionEntry): boolean {
  return keyIs(entry, 'sts:ExternalId') &&
    requiresMatch(entry) &&
    EXACT_STRING_OPERATORS.has(entry.baseOperator.toLowerCase()) &&
    entry.values.length > 0 &&
    entry.values.every(item => isFixedValue(item.value));
}

/**
 * `Bool` (not BoolIfExists) `aws:MultiFactorAuthPresent` = true: the alternative to an
 * external id when the other account's callers are people who sign in with MFA.
 */
function requiresMfa(entry: ConditionEntry): boolean {
  return keyIs(entry, 'aws:MultiFactorAuthPresent') &&
    requiresMatch(entry) &&
    entry.baseOperator.toLowerCase() === 'bool' &&
    entry.values.length > 0 &&
    entry.values.every(item => item.value === true || item.value === 'true');
}

function hasExternalIdOrMfa(statement: Statement): boolean {
  return conditionEntries(statement).some(entry => pinsExternalId(entry) || requiresMfa(entry));
}

/**
 * An account id written as a JSON number rather than a string: up to 12 digits, since a
 * number loses the leading zeros of an id. Other numbers are no account id at all.
 */
function isNumericAccount(entry: PrincipalEntry): boolean {
  return entry.type === 'AWS' && entry.node.type === 'number' && /^\d{1,12}$/u.test(entry.value);
}

export default createRule<MessageIds, Options>({
  id: 'require-external-id',
  meta: {
    description:
      'Require an `sts:ExternalId` condition when a trust policy lets another account ' +
      'assume the role',
    kinds: ['trust'],
    defaultSeverity: 'error',
    messages: {
      missingExternalId:
        'Principal {{principal}} lets account {{account}} assume this role without an ' +
        'sts:ExternalId condition that must equal a fixed value, so a third party that acts ' +
        'for many customers can be tricked into using it for someone else (confused ' +
        'deputy). Add "Condition": {"StringEquals": {"sts:ExternalId": "<id agreed with ' +
        'that account>"}}, or list "{{account}}" in trustedAccounts if the account is your own.',
      accountIdAsNumber:
        'Principal {{principal}} is a JSON number. IAM expects account ids as strings, and a ' +
        'number silently loses leading zeros. Write it as a quoted 12-digit string, ' +
        'e.g. "{{account}}".',
    },
    advisoryMessages: ['accountIdAsNumber'],
    schema: {
      type: 'object',
      properties: {
        trustedAccounts: {
          type: 'array',
          items: { type: 'string', pattern: '^\\d{12}$' },
          description:
            'Your own 12-digit account ids, which may assume the role without an external id.',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { trustedAccounts: [] },
    recommended: true,
  },

  check({ document, options, report }) {
    const trusted = new Set(options.trustedAccounts);

    for (const statement of document.statements) {
      // Skip Deny and malformed effects: they let nobody in.
      if (!isAllow(statement)) continue;

      const needsExternalId = statementCoversAction(statement, 'sts:AssumeRole') &&
        !hasExternalIdOrMfa(statement);

      for (const entry of principalEntries(statement.principal)) {
        const principal = rawText(document.source.text, entry.node);
        const account = accountOf(entry);

        if (needsExternalId && account !== undefined && !trusted.has(account)) {
          report(entry.node, 'missingExternalId', { principal, account });
        }
        // Reported whatever the condition says: the number itself is the problem.
        if (isNumericAccount(entry)) {
          const suggested = entry.value.padStart(12, '0');
          report(entry.node, 'accountIdAsNumber', { principal, account: suggested });
        }
      }
    }
  },
});
