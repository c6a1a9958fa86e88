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

  it('handles stars anywhere, including at both ends and in a row', () => {
    expect(patternMatches('*', '')).toBe(true);
    expect(patternMatches('*Role', 'iam:PassRole')).toBe(true);
    expect(patternMatches('iam:**Role*', 'iam:PassRole')).toBe(true);
    expect(patternMatches('*token.actions.githubusercontent.com*',
      'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com')).toBe(true);
    expect(patternMatches('s3:Get*Tagging', 's3:GetObjectTaggingX')).toBe(false);
  });

  // A `.*` chain compiled to a regular expression took minutes on this input; the test
  // timeout is the guard.
  it('answers a pattern built to backtrack', () => {
    expect(patternMatches(`*${'a*'.repeat(30)}x`, 'a'.repeat(5_000))).toBe(false);
    expect(patternMatches(`*${'a*'.repeat(30)}x`, `${'a'.repeat(5_000)}x`)).toBe(true);
  });
});
