import { describe, expect, it } from 'vitest';
import { patternMatches } from '../../src/policy/actions.js';

describe('patternMatches', () => {
  it('matches case-insensitively with * and ?', () => {
    expect(patternMatches('IAM:Pass*', 'iam:PassRole')).toBe(true);
    expect(patternMatches('iam:?assRole', 'iam:PassRole')).toBe(true);
    expect(patternMatches('sts:AssumeRoleWith*', 'sts:AssumeRole')).toBe(false);
  });

  // Service names such as ecs-tasks once broke the pattern compiler.
  it('takes regular-expression characters in names literally', () => {
    expect(patternMatches('ecs-tasks.amazonaws.com', 'ecs-tasks.amazonaws.com')).toBe(true);
    expect(patternMatches('a.b(c)+[d]', 'a.b(c)+[d]')).toBe(true);
    expect(patternMatches('a.b', 'axb')).toBe(false);
  });
});
