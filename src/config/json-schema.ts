/**
 * The subset of JSON Schema that rule options and the config use, and a validator for it
 * that names the first offending key. Kept small on purpose: the config is plain data.
 */

export interface JsonSchema {
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  description?: string;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  required?: string[];
  items?: JsonSchema;
  /** Tuple positions, as in JSON Schema 2020-12; `items` then applies to the rest. */
  prefixItems?: JsonSchema[];
  minItems?: number;
  maxItems?: number;
  enum?: readonly unknown[];
  pattern?: string;
  /** "regex": the string must compile as a JavaScript regular expression with the u flag. */
  format?: 'regex';
  minimum?: number;
  minLength?: number;
  oneOf?: JsonSchema[];
  default?: unknown;
}

/**
 * Returns the first problem, naming where it is (`rules.x[1].y`, or "the value" at the
 * root when `at` is empty), or undefined when the value fits.
 */
export function validateAgainstSchema(
  value: unknown,
  schema: JsonSchema,
  at: string,
): string | undefined {
  if (schema.oneOf) {
    const problems = schema.oneOf.map(option => validateAgainstSchema(value, option, at));
    return problems.includes(undefined) ? undefined : problems[0];
  }
  if (schema.type && !hasType(value, schema.type)) {
    return `${subject(at)} must be ${article(schema.type)}, not ${describeValue(value)}`;
  }
  if (schema.enum && !schema.enum.includes(value)) {
    const allowed = schema.enum.map(item => JSON.stringify(item)).join(', ');
    return `${subject(at)} is ${JSON.stringify(value)}; use one of ${allowed}`;
  }
  if (typeof value === 'string') return validateString(value, schema, at);
  if (typeof value === 'number' && schema.minimum !== undefined && value < schema.minimum) {
    return `${subject(at)} must be at least ${schema.minimum}`;
  }
  if (Array.isArray(value)) return validateArray(value, schema, at);
  if (isPlainObject(value)) return validateObject(value, schema, at);
  return undefined;
}

function validateString(value: string, schema: JsonSchema, at: string): string | undefined {
  if (schema.minLength !== undefined && value.length < schema.minLength) {
    return `${subject(at)} must not be empty`;
  }
  if (schema.format === 'regex') {
    try {
      new RegExp(value, 'u');
    } catch (error) {
      return `${subject(at)} is not a valid regular expression (${(error as Error).message})`;
    }
  }
  if (schema.pattern && !new RegExp(schema.pattern, 'u').test(value)) {
    return `${subject(at)} is ${JSON.stringify(value)}, which does not match ${schema.pattern}`;
  }
  return undefined;
}

function validateArray(value: unknown[], schema: JsonSchema, at: string): string | undefined {
  if (schema.minItems !== undefined && value.length < schema.minItems) {
    return `${subject(at)} must have at least ${schema.minItems} item(s)`;
  }
  if (schema.maxItems !== undefined && value.length > schema.maxItems) {
    return `${subject(at)} must have at most ${schema.maxItems} item(s)`;
  }
  for (const [index, item] of value.entries()) {
    const itemSchema = schema.prefixItems?.[index] ?? schema.items;
    const problem = itemSchema && validateAgainstSchema(item, itemSchema, `${at}[${index}]`);
    if (problem) return problem;
  }
  return undefined;
}

function validateObject(
  value: Record<string, unknown>,
  schema: JsonSchema,
  at: string,
): string | undefined {
  for (const name of schema.required ?? []) {
    if (!(name in value)) return `${subject(at)} is missing "${name}"`;
  }
  for (const [name, item] of Object.entries(value)) {
    const itemAt = at === '' ? name : `${at}.${name}`;
    // Own keys only: "constructor" or "__proto__" must not find Object.prototype's members.
    const declared = schema.properties && Object.hasOwn(schema.properties, name)
      ? schema.properties[name]
      : undefined;
    if (declared) {
      const problem = validateAgainstSchema(item, declared, itemAt);
      if (problem) return problem;
    } else if (schema.additionalProperties === false) {
      const known = Object.keys(schema.properties ?? {}).map(key => `"${key}"`).join(', ');
      return `${itemAt} is not a known setting; known settings are ${known}`;
    } else if (typeof schema.additionalProperties === 'object') {
      const problem = validateAgainstSchema(item, schema.additionalProperties, itemAt);
      if (problem) return problem;
    }
  }
  return undefined;
}

function subject(at: string): string {
  return at === '' ? 'the value' : at;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasType(value: unknown, type: NonNullable<JsonSchema['type']>): boolean {
  switch (type) {
    case 'object':
      return isPlainObject(value);
    case 'array':
      return Array.isArray(value);
    case 'integer':
      return Number.isInteger(value);
    default:
      return typeof value === type;
  }
}

function article(type: string): string {
  return /^[aeiou]/u.test(type) ? `an ${type}` : `a ${type}`;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'number' && !Number.isFinite(value)) return 'a number too large for JSON';
  if (Array.isArray(value)) return 'an array';
  return `${article(typeof value)} (${JSON.stringify(value)})`;
}
