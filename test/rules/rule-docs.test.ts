/**
 * Every rule has a doc page named after its id with the standard sections, and the doc's
 * examples give the result they are labelled with.
 */

import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { isPolicyKind } from '../../src/policy/kind.js';
import { lintWithRule } from '../rule-tester.js';

const docsDir = new URL('../../docs/rules/', import.meta.url);
const DESCRIPTION_PATTERN = /^(Disallow|Require|Enforce) .+[^. ]$/u;
const EXAMPLE = /```json (incorrect|correct)((?: [\w-]+=\S+)*)\n([\s\S]*?)```/gu;

describe('rule docs', () => {
  it('has one page per rule and no page without a rule', () => {
    const pages = readdirSync(docsDir).map(name => name.replace(/\.md$/u, '')).sort();
    expect(pages).toEqual(rules.map(rule => rule.id).sort());
  });

  for (const rule of rules) {
    describe(rule.id, () => {
      // Read inside each test, so one missing page fails its own tests, not the whole file.
      const readPage = () => readFileSync(new URL(`${rule.id}.md`, docsDir), 'utf8');

      it('states the description and the standard sections', () => {
        const page = readPage();
        expect(rule.meta.description).toMatch(DESCRIPTION_PATTERN);
        expect(page.startsWith(`# ${rule.id}\n\n${rule.meta.description}.\n`)).toBe(true);
        for (const heading of ['## Background', '## Rule details', '## Options']) {
          expect(page).toContain(`\n${heading}\n`);
        }
        expect(page).toMatch(/\n## When not to use it\n/u);
      });

      it('lists every message id', () => {
        const page = readPage();
        for (const messageId of Object.keys(rule.meta.messages)) {
          expect(page).toContain(`\`${messageId}\``);
        }
      });

      it('has examples that give the labelled result', () => {
        const examples = [...readPage().matchAll(EXAMPLE)];
        expect(examples.map(example => example[1])).toContain('incorrect');
        expect(examples.map(example => example[1])).toContain('correct');

        for (const [, label, attributes = '', code = ''] of examples) {
          const settings = Object.fromEntries(
            attributes.trim().split(' ').filter(Boolean).map(pair => pair.split('=')),
          ) as Record<string, string>;
          const kind = settings.kind;
          if (kind !== undefined && !isPolicyKind(kind)) throw new Error(`bad kind ${kind}`);
          const findings = lintWithRule(rule, { code, ...(kind ? { kind } : {}) });
          expect({ label, count: findings.length > 0 ? 'some' : 'none' }).toEqual({
            label,
            count: label === 'incorrect' ? 'some' : 'none',
          });
        }
      });
    });
  }
});
