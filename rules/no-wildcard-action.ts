/**
 * Flags Allow statements whose Action grants every action of a service, or of all services.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
 */

import { createRule } from '../src/engine/rule.js';
import { isAllow } from '../src/policy/document.js';
import { GRANTING_KINDS } from '../src/policy/kind.js';

export type MessageIds = 'wildcardAction' | 'wildcardService';

export interface Options {
  ignoreServices: string[];
}

/** `*`, `**`, `*:*`, `s*:*`: no service and no action named. */
const EVERY_ACTION = /^\*+$|^[^:]*\*[^:]*:\*+$/u;

/** `s3:*`: one named service, every action. */
const EVERY_SERVICE_ACTION = /^([^:*?]+):\*+$/u;

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

    for (const statement of document.statements) {
      // Skip Deny and malformed effects: they grant nothing.
      if (!isAllow(statement)) continue;

      for (const action of statement.action?.strings ?? []) {
        if (EVERY_ACTION.test(action.value)) {
          report(action.node, 'wildcardAction', { action: action.value });
          continue;
        }

        const service = EVERY_SERVICE_ACTION.exec(action.value)?.[1]?.toLowerCase();
        if (service !== undefined && !ignored.has(service)) {
          report(action.node, 'wildcardService', { action: action.value, service });
        }
      }
    }
  },
});
