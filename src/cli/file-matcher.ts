/**
 * Which files are policy candidates, which are ignored, and which kind a config glob gives
 * them. Globs are relative to the config file's folder, as in ESLint's flat config.
 */

import { relative, sep } from 'node:path';
import picomatch from 'picomatch';
import type { PolicyGlob } from '../config/config.js';
import type { PolicyKind } from '../policy/kind.js';

export interface FileMatcher {
  /** A JSON file, or a file a policy glob names. */
  isCandidate(absolutePath: string): boolean;
  isIgnored(absolutePath: string): boolean;
  /** Whether a policy glob names the file, and the kind it gives, if any. */
  policyGlobMatch(absolutePath: string): { kind: PolicyKind | undefined } | undefined;
}

const MATCH_OPTIONS = { dot: true };

/** "a/b/c.json", "a/b", "a": an ignored folder ignores everything in it. */
function withAncestors(path: string): string[] {
  const parts = path.split('/');
  return parts.map((_, index) => parts.slice(0, parts.length - index).join('/'));
}

export function createFileMatcher(
  baseDirectory: string,
  policies: readonly PolicyGlob[],
  ignores: readonly string[],
): FileMatcher {
  const toRelative = (path: string) => relative(baseDirectory, path).split(sep).join('/');
  const isIgnoredPath = picomatch(ignores.length > 0 ? [...ignores] : ['\0'], MATCH_OPTIONS);
  const globs = policies.map(entry => ({
    matches: picomatch(entry.files, MATCH_OPTIONS),
    kind: entry.kind,
  }));

  const policyGlobMatch = (absolutePath: string) => {
    const path = toRelative(absolutePath);
    const match = globs.find(glob => glob.matches(path));
    return match ? { kind: match.kind } : undefined;
  };

  return {
    isCandidate: path => /\.json$/iu.test(path) || policyGlobMatch(path) !== undefined,
    isIgnored: path => withAncestors(toRelative(path)).some(part => isIgnoredPath(part)),
    policyGlobMatch,
  };
}
