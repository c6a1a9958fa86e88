/**
 * The config file: rule severities and options, policy globs with kinds, ignores and size
 * limits. Plain JSON, never code. Parsing validates every key and names the first bad one.
 */

import type { SeverityLevel } from '../engine/finding.js';
import type { RuleSetting } from '../engine/lint.js';
import { parseJson } from '../engine/parse.js';
import { computeLineStarts, positionAt } from '../engine/positions.js';
import type { AnyRule } from '../engine/rule.js';
import { type PolicyKind, POLICY_KINDS } from '../policy/kind.js';
import { type JsonSchema, isPlainObject, validateAgainstSchema } from './json-schema.js';

export const CONFIG_FILE_NAME = 'iamlint.config.json';

export type SeveritySetting = 'off' | 'warn' | 'error' | 0 | 1 | 2;
export type RuleEntry = SeveritySetting | [SeveritySetting, ...unknown[]];

export interface PolicyGlob {
  files: string[];
  kind?: PolicyKind;
}

export interface Config {
  rules: Record<string, RuleEntry>;
  policies: PolicyGlob[];
  ignores: string[];
  limits: Partial<Record<PolicyKind, number>>;
}

export class ConfigError extends Error {}

const SEVERITIES: readonly SeveritySetting[] = ['off', 'warn', 'error', 0, 1, 2];

const globList: JsonSchema = {
  oneOf: [
    { type: 'string', minLength: 1 },
    { type: 'array', items: { type: 'string', minLength: 1 } },
  ],
};

/** The shape of everything but the rule entries, which are checked against each rule. */
export const CONFIG_SCHEMA: JsonSchema = {
  type: 'object',
  properties: {
    $schema: { type: 'string', description: 'Where editors find this schema.' },
    rules: {
      type: 'object',
      description: 'Rule id to severity ("off", "warn", "error") or [severity, options].',
    },
    policies: {
      type: 'array',
      description: 'Files that hold policies, with the kind of their documents.',
      items: {
        type: 'object',
        properties: {
          files: { ...globList, description: 'Globs relative to the config file.' },
          kind: { enum: POLICY_KINDS, description: 'The kind of every document in the files.' },
        },
        required: ['files'],
        additionalProperties: false,
      },
    },
    ignores: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      description: 'Globs, relative to the config file, of files never linted.',
    },
    limits: {
      type: 'object',
      description: 'Size limits by policy kind, e.g. {"trust": 4096} after a quota raise.',
      properties: Object.fromEntries(
        POLICY_KINDS.map(kind => [kind, { type: 'integer', minimum: 1 }]),
      ),
      additionalProperties: false,
    },
  },
  additionalProperties: false,
};

export const EMPTY_CONFIG: Config = { rules: {}, policies: [], ignores: [], limits: {} };

export function parseConfig(text: string, fileName: string, rules: readonly AnyRule[]): Config {
  const { root, failure } = parseJson(text);
  if (failure || root === undefined) {
    const { line, column } = positionAt(computeLineStarts(text), failure?.start ?? 0);
    const reason = failure?.message.replace(/^Parsing error: /u, '') ?? 'empty file';
    throw new ConfigError(`${fileName}:${line}:${column}: ${reason}`);
  }

  const value: unknown = JSON.parse(text);
  const problem = validateAgainstSchema(value, CONFIG_SCHEMA, '');
  if (problem) {
    throw new ConfigError(`${fileName}: ${problem.replace(/^the value/u, 'the config')}`);
  }

  const raw = value as Record<string, unknown>;
  const ruleEntries = (raw.rules ?? {}) as Record<string, unknown>;
  for (const [id, entry] of Object.entries(ruleEntries)) {
    const ruleProblem = validateRuleEntry(id, entry, rules, `rules.${id}`);
    if (ruleProblem) throw new ConfigError(`${fileName}: ${ruleProblem}`);
  }

  return {
    rules: ruleEntries as Record<string, RuleEntry>,
    policies: ((raw.policies ?? []) as { files: string | string[]; kind?: PolicyKind }[]).map(
      entry => ({ ...entry, files: [entry.files].flat() }),
    ),
    ignores: (raw.ignores ?? []) as string[],
    limits: (raw.limits ?? {}) as Config['limits'],
  };
}

function validateRuleEntry(
  id: string,
  entry: unknown,
  rules: readonly AnyRule[],
  at: string,
): string | undefined {
  const rule = rules.find(candidate => candidate.id === id);
  if (!rule) {
    const suggestion = closestId(id, rules.map(candidate => candidate.id));
    return `${at} is not a known rule${suggestion ? `; did you mean "${suggestion}"?` : '.'}`;
  }

  const [severity, options, ...extra] = Array.isArray(entry) ? entry : [entry];
  if (severity === undefined) return `${at} needs a severity: "off", "warn" or "error"`;
  if (!SEVERITIES.includes(severity as SeveritySetting)) {
    return `${at} has severity ${JSON.stringify(severity)}; use "off", "warn" or "error"`;
  }
  if (extra.length > 0) return `${at} takes [severity, options], not more items`;
  if (options === undefined) return undefined;
  if (!isPlainObject(options)) return `${at}[1] must be an object of options`;
  return validateAgainstSchema(options, rule.meta.schema, `${at}[1]`);
}

export function severityLevel(setting: SeveritySetting): SeverityLevel | undefined {
  if (setting === 'off' || setting === 0) return undefined;
  return setting === 'warn' || setting === 1 ? 1 : 2;
}

/** Every rule at its configured (or default) severity, with defaults under its options. */
export function resolveRuleSettings(config: Config, rules: readonly AnyRule[]): RuleSetting[] {
  const settings: RuleSetting[] = [];
  for (const rule of rules) {
    const entry = config.rules[rule.id] ?? rule.meta.defaultSeverity;
    const [severitySetting, options] = Array.isArray(entry) ? entry : [entry];
    const severity = severityLevel(severitySetting);
    if (severity === undefined) continue;

    const merged = { ...(rule.meta.defaultOptions as object), ...(options as object) };
    settings.push({ rule, severity, options: withConfigLimits(rule, merged, config) });
  }
  return settings;
}

/** The config's top-level `limits` is shorthand for the policy-size rule's `limits` option. */
function withConfigLimits(rule: AnyRule, options: object, config: Config): object {
  const declaresLimits = rule.meta.schema.properties?.limits !== undefined;
  if (!declaresLimits || Object.keys(config.limits).length === 0) return options;
  const limits = (options as { limits?: object }).limits;
  return { ...options, limits: { ...limits, ...config.limits } };
}

function closestId(id: string, ids: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(3, Math.floor(id.length / 3)) + 1;
  for (const candidate of ids) {
    const distance = editDistance(id, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
