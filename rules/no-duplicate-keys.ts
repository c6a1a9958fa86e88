/**
 * Flags a key written twice in one JSON object. RFC 8259 §4 leaves the outcome to each
 * parser; JSON.parse keeps the last value, and so do iamlint's own rules, so the earlier
 * value silently stops counting.
 * https://www.rfc-editor.org/rfc/rfc8259#section-4
 */

import { createRule } from '../src/engine/rule.js';
import { positionAt } from '../src/engine/positions.js';
import { type JsonNode, rawText } from '../src/policy/json-node.js';
import { POLICY_KINDS } from '../src/policy/kind.js';

export type MessageIds = 'duplicateKey';

export type Options = Record<string, never>;

export default createRule<MessageIds, Options>({
  id: 'no-duplicate-keys',
  meta: {
    description: 'Disallow repeating a key within one JSON object',
    kinds: POLICY_KINDS,
    defaultSeverity: 'error',
    messages: {
      duplicateKey:
        'Key "{{key}}" is already defined on line {{firstLine}}. Only the last value of a ' +
        "repeated key is used, as JSON.parse and iamlint's rules read it, and the others " +
        'are ignored. Merge the values under one key or delete the ones you do not mean.',
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    recommended: true,
  },

  check({ document, report }) {
    const { source } = document;

    /** The key as written between its quotes, escapes and all. */
    function keyAsWritten(key: JsonNode): string {
      return rawText(source.text, key).slice(1, -1);
    }

    // Depth-first over every object and array; the parser caps nesting at 64 levels.
    const pending: JsonNode[] = [document.node];
    for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
      if (node.type === 'object') {
        const firstKeys = new Map<string, JsonNode>();
        for (const property of node.children ?? []) {
          const [key, value] = property.children ?? [];
          if (value !== undefined) pending.push(value);
          // Skip partial properties without a string key.
          if (key?.type !== 'string') continue;

          const name = String(key.value);
          const first = firstKeys.get(name);
          if (first === undefined) {
            firstKeys.set(name, key);
            continue;
          }
          const firstLine = positionAt(source.lineStarts, first.offset).line;
          report(key, 'duplicateKey', { key: keyAsWritten(key), firstLine });
        }
      } else if (node.type === 'array') {
        // One push per element: spreading a 100,000-element array overflows the call stack.
        for (const child of node.children ?? []) pending.push(child);
      }
    }
  },
});
