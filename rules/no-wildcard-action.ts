/**
 * Flags Allow statements whose Action grants every action of a service, of all services, or
 * an action pattern in every service.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
 */

import { createRule } from '../src/engine/rule.js';
import { type Statement, isAllow } from '../src/policy/document.js';
import { GRANTING_KINDS } from '../src/policy/kind.js';
import { accountOf, principalEntries } from '../src/policy/principals.js';

export type MessageIds = 'wildcardAction' | 'wildcardService' | 'wildcardServiceAction';

export interface Options {
  ignoreServices: string[];
}

/** What an Action value opens up; undefined when it names what it grants. */
type Scope =
  /** `*`, `*:*`: every action of every service. */
  | { kind: 'everything' }
  /** `s3:*`, `s3:?*`, or `s3*:*` for every service whose prefix starts with s3. */
  | { kind: 'service'; service: string }
  /** `*:Get*`: the matching actions of every service. */
  | { kind: 'actionInEveryService'; name: string };

/** Only `*` and `?`, with at least one `*`: matches any name. */
function isWildcardsOnly(text: string): boolean {
  return text.includes('*') && /^[*?]+$/u.test(text);
}

/**
 * The scope of an Action value. Only a service part made of wildcards alone means every
 * service; `s3*` or `s?` still limits the prefix, so it is reported as written, lower-cased.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
 */
function scopeOf(action: string): Scope | undefined {
  const colon = action.indexOf(':');
  if (colon === -1) return isWildcardsOnly(action) ? { kind: 'everything' } : undefined;

  const service = action.slice(0, colon);
  const name = action.slice(colon + 1);
  if (isWildcardsOnly(service)) {
    return isWildcardsOnly(name) ? { kind: 'everything' } : { kind: 'actionInEveryService', name };
  }
  if (!isWildcardsOnly(name)) return undefined;
  return { kind: 'service', service: service.toLowerCase() };
}

/**
 * The key policy AWS gives every KMS key grants `kms:*` to the key's own account, which hands
 * access control to that account's IAM policies; without it the key becomes unmanageable.
 * https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html#key-policy-default-allow-root-enable-iam
 */
function delegatesKeyToAccounts(statement: Statement, service: string): boolean {
  if (service !== 'kms') return false;
  const principals = principalEntries(statement.principal);
  return principals.length > 0 && principals.every(entry => accountOf(entry) !== undefined);
}

export default createRule<MessageIds, Options>({
  id: 'no-wildcard-action',
  meta: {
    description: 'Disallow `*` and `<service>:*` in the Action of Allow statements',
    kinds: GRANTING_KINDS,
    defaultSeverity: 'error',
    messages: {
      wildcardAction:
        'Action "{{action}}" allows every action of every AWS service. ' +
        'List only the actions this statement needs.',
      wildcardService:
        'Action "{{action}}" allows every {{service}} action, including ones AWS adds later. ' +
        'List only the {{service}} actions this statement needs.',
      wildcardServiceAction:
        'Action "{{action}}" allows the actions matching "{{name}}" in every AWS service, ' +
        'including services AWS adds later. Name the services, e.g. "<service>:{{name}}" ' +
        'for each service this statement needs.',
    },
    schema: {
      type: 'object',
      properties: {
        ignoreServices: {
          type: 'array',
          items: { type: 'string', pattern: '^[a-z0-9-]+$' },
          description: 'Service prefixes whose "<service>:*" is accepted, e.g. "logs".',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { ignoreServices: [] },
    recommended: true,
  },

  check({ document, options, report }) {
    const ignored = new Set(options.ignoreServices.map(service => service.toLowerCase()));
    const isAccepted = (statement: Statement, service: string) =>
      ignored.has(service) || delegatesKeyToAccounts(statement, service);

    for (const statement of document.statements) {
      // Skip Deny and malformed effects: they grant nothing.
      if (!isAllow(statement)) continue;

      for (const action of statement.action?.strings ?? []) {
        const scope = scopeOf(action.value);
        // Skip actions that name what they grant, and services the options accept.
        if (scope === undefined) continue;

        if (scope.kind === 'everything') {
          report(action.node, 'wildcardAction', { action: action.value });
        } else if (scope.kind === 'actionInEveryService') {
          report(action.node, 'wildcardServiceAction', { action: action.value, name: scope.name });
        } else if (!isAccepted(statement, scope.service)) {
          report(action.node, 'wildcardService', { action: action.value, service: scope.service });
        }
      }
    }
  },
});
