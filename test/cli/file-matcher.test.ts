import { describe, expect, it } from 'vitest';
import { createFileMatcher } from '../../src/cli/file-matcher.js';

const base = '/repo';

describe('createFileMatcher', () => {
  it('ignores folders and files, and takes negated globs back out', () => {
    const matcher = createFileMatcher(base, [], ['legacy/**', '!legacy/keep.json', 'tmp']);
    expect(matcher.isIgnored('/repo/legacy/old.json')).toBe(true);
    expect(matcher.isIgnored('/repo/legacy/keep.json')).toBe(false);
    expect(matcher.isIgnored('/repo/tmp/deep/x.json')).toBe(true);
    expect(matcher.isIgnored('/repo/live/bad.json')).toBe(false);
  });

  // A negation alone once matched every other file and switched all linting off.
  it('ignores nothing for a list of negations alone', () => {
    const matcher = createFileMatcher(base, [], ['!legacy/keep.json']);
    expect(matcher.isIgnored('/repo/live/bad.json')).toBe(false);
  });

  it('gives the kind of the first policy glob that matches, negations included', () => {
    const matcher = createFileMatcher(
      base,
      [{ files: ['org/**', '!org/rcp/**'], kind: 'scp' }, { files: ['org/rcp/*'], kind: 'rcp' }],
      [],
    );
    expect(matcher.policyGlobMatch('/repo/org/deny-regions.json')).toEqual({ kind: 'scp' });
    expect(matcher.policyGlobMatch('/repo/org/rcp/perimeter.json')).toEqual({ kind: 'rcp' });
    expect(matcher.policyGlobMatch('/repo/live/a.json')).toBeUndefined();
    expect(matcher.isCandidate('/repo/org/rcp/perimeter.policy')).toBe(true);
  });
});
