/**
 * Flags Allow statements that use NotAction: they grant everything except a list, including
 * every action AWS adds later.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html
 */

import { createRule } from '../src/engine/rule.js';
import { hasUnscopedResource, isAllow } from '../src/policy/document.js';
import { GRANTING_KINDS } from '../src/policy/kind.js';

export type MessageIds = 'allowNotAction' | 'allowNotActionOnAllResources';

export default createRule<MessageIds, Record<string, never>>({
  id: 'no-allow-not-action',
  meta: {
    description: 'Disallow NotAction in Allow statements',
    kinds: GRANTING_KINDS,
    defaultSeverity: 'error',
    messages: {
      allowNotActionOnAllResources:
        'Allow with NotAction {{actions}} on Resource "*" grants every other action of every ' +
        'service on every resource, including actions AWS adds later. List the allowed ' +
        'actions in Action, or make this a Deny statement.',
      allowNotAction:
        'Allow with NotAction {{actions}} grants every other action wherever this statement ' +
        'applies, including actions AWS adds later. List the allowed actions in Action ' +
        'instead.',
    },
    advisoryMessages: ['allowNotAction'],
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    recommended: true,
  },

  check({ document, report }) {
    for (const statement of document.statements) {
      // Skip Deny: "Deny everything except" is the intended use of NotAction.
      if (!isAllow(statement) || !statement.notAction) continue;

      const actions = JSON.stringify(statement.notAction.strings.map(action => action.value));
      const messageId = hasUnscopedResource(statement)
        ? 'allowNotActionOnAllResources'
        : 'allowNotAction';
      report(statement.notAction.key, messageId, { actions });
    }
  },
});
