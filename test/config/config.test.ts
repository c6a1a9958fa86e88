import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { buildConfigJsonSchema } from '../../src/config/config-schema.js';
import {
  ConfigError,
  EMPTY_CONFIG,
  parseConfig,
  resolveRuleSettings,
} from '../../src/config/config.js';

const parse = (text: string) => parseConfig(text, 'iamlint.config.json', rules);
const problemOf = (text: string) => {
  try {
    parse(text);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
};

describe('parseConfig', () => {
  it('accepts severities, options, policy globs, ignores and limits', () => {
    const config = parse(JSON.stringify({
      rules: { 'no-wildcard-action': ['warn', { ignoreServices: ['logs'] }] },
      policies: [{ files: 'iam/trust/*.json', kind: 'trust' }],
      ignores: ['legacy/**'],
      limits: { trust: 4096 },
    }));
    expect(config.policies).toEqual([{ files: ['iam/trust/*.json'], kind: 'trust' }]);
  });

  it('names the position of a JSON error', () => {
    expect(problemOf('{\n  "rules": {},\n}')).toBe(
      'iamlint.config.json:2:14: Trailing comma; JSON and AWS do not allow one. Remove it.',
    );
  });

  it('names the offending key', () => {
    expect(problemOf('{"rule": {}}')).toBe(
      'iamlint.config.json: rule is not a known setting; known settings are "$schema", ' +
        '"rules", "policies", "ignores", "limits"',
    );
    expect(problemOf('{"policies": [{"files": "a/*.json", "kind": "role"}]}')).toMatch(
      /^iamlint\.config\.json: policies\[0\]\.kind is "role"; use one of "managed"/u,
    );
    expect(problemOf('{"limits": {"trust": "4096"}}')).toBe(
      'iamlint.config.json: limits.trust must be an integer, not a string ("4096")',
    );
    expect(problemOf('[]')).toBe(
      'iamlint.config.json: the config must be an object, not an array',
    );
    expect(problemOf('{"limits": {"trust": 1e400}}')).toBe(
      'iamlint.config.json: limits.trust must be an integer, not a number too large for JSON',
    );
  });

  // A bad pattern once surfaced only as a rule crash on every policy.
  it('rejects an option that must be a regular expression and is not', () => {
    const requirement = {
      name: 'x',
      kinds: ['managed'],
      conditionKeys: ['a:b'],
      valuePattern: '(',
    };
    expect(problemOf(JSON.stringify({
      rules: { 'require-condition': ['error', { requirements: [requirement] }] },
    }))).toBe(
      'iamlint.config.json: rules.require-condition[1].requirements[0].valuePattern is not a ' +
        'valid regular expression (Invalid regular expression: /(/u: Unterminated group)',
    );
  });

  it('knows only its own keys, not those every JavaScript object has', () => {
    expect(problemOf('{"constructor": 1}')).toMatch(
      /^iamlint\.config\.json: constructor is not a known setting/u,
    );
    expect(problemOf('{"limits": {"hasOwnProperty": 1}}')).toMatch(
      /^iamlint\.config\.json: limits\.hasOwnProperty is not a known setting/u,
    );
    expect(problemOf('{"rules": {"no-wildcard-action": []}}')).toBe(
      'iamlint.config.json: rules.no-wildcard-action needs a severity: "off", "warn" or "error"',
    );
  });

  it('checks each rule entry against the rule', () => {
    expect(problemOf('{"rules": {"no-wildcard-action": "on"}}')).toBe(
      'iamlint.config.json: rules.no-wildcard-action has severity "on"; ' +
        'use "off", "warn" or "error"',
    );
    expect(problemOf('{"rules": {"no-wildcard-action": ["error", {"ignore": []}]}}')).toBe(
      'iamlint.config.json: rules.no-wildcard-action[1].ignore is not a known setting; ' +
        'known settings are "ignoreServices"',
    );
    expect(
      problemOf('{"rules": {"no-wildcard-action": ["error", {"ignoreServices": ["S3"]}]}}'),
    ).toBe(
      'iamlint.config.json: rules.no-wildcard-action[1].ignoreServices[0] is "S3", ' +
        'which does not match ^[a-z0-9-]+$',
    );
  });
});

describe('resolveRuleSettings', () => {
  it('runs every rule at its default severity with its default options', () => {
    const settings = resolveRuleSettings(EMPTY_CONFIG, rules);
    expect(settings.map(setting => setting.rule.id)).toEqual(rules.map(rule => rule.id));
  });

  it('turns rules off, changes severity and merges options over defaults', () => {
    const config = parse(JSON.stringify({
      rules: { 'no-wildcard-action': 'off', 'no-public-principal': ['warn'] },
    }));
    const settings = resolveRuleSettings(config, rules);
    expect(settings.find(setting => setting.rule.id === 'no-wildcard-action')).toBeUndefined();
    expect(settings.find(setting => setting.rule.id === 'no-public-principal')).toMatchObject({
      severity: 1,
      options: { pinningKeys: expect.arrayContaining(['aws:PrincipalOrgID']) },
    });
  });

  it('feeds the top-level limits into the size rule', () => {
    const config = parse('{"limits": {"trust": 4096}}');
    const size = resolveRuleSettings(config, rules).find(s => s.rule.id === 'policy-size');
    expect((size?.options as { limits: Record<string, number> }).limits).toMatchObject({
      trust: 4096,
    });
  });
});

describe('the shipped config schema', () => {
  it('is current: run `npm run build` after changing a rule schema', () => {
    const shipped = JSON.parse(
      readFileSync(new URL('../../schema/iamlint.config.schema.json', import.meta.url), 'utf8'),
    );
    expect(shipped).toEqual(JSON.parse(JSON.stringify(buildConfigJsonSchema(rules))));
  });
});
