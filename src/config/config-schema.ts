/**
 * The JSON Schema shipped for editors (schema/iamlint.config.schema.json), built from the
 * config's own shape and every rule's option schema, so it cannot drift from the code.
 */

import type { AnyRule } from '../engine/rule.js';
import { ruleDocsUrl } from '../engine/rule.js';
import { CONFIG_SCHEMA } from './config.js';
import type { JsonSchema } from './json-schema.js';

const SEVERITY: JsonSchema = {
  enum: ['off', 'warn', 'error', 0, 1, 2],
  description: '"off" (0), "warn" (1) or "error" (2).',
};

export function buildConfigJsonSchema(rules: readonly AnyRule[]): object {
  const ruleProperties = Object.fromEntries(
    rules.map(rule => [
      rule.id,
      {
        description: `${rule.meta.description}. ${ruleDocsUrl(rule.id)}`,
        oneOf: [
          SEVERITY,
          { type: 'array', prefixItems: [SEVERITY, rule.meta.schema], minItems: 1, maxItems: 2 },
        ],
      },
    ]),
  );

  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'iamlint configuration',
    ...CONFIG_SCHEMA,
    properties: {
      ...CONFIG_SCHEMA.properties,
      rules: {
        ...CONFIG_SCHEMA.properties?.rules,
        properties: ruleProperties,
        additionalProperties: false,
      },
    },
  };
}
