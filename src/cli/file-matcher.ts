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

/**
 * A list of globs where `!pattern` takes matches back out, as in .gitignore and ESLint:
 * `["legacy/**", "!legacy/keep.json"]`. A list of negations alone matches nothing.
 */
function compileGlobs(rawGlobs: readonly string[]) {
  // Accept .gitignore habits: "/legacy" is relative to the config's folder anyway, and
  // "legacy/" names a folder, which ignoresPath already extends to everything in it.
  const globs = rawGlobs.map(glob => glob.replace(/^(!?)\//u, '$1').replace(/\/+$/u, ''));
  const compile = (list: string[]) =>
    list.length > 0 ? picomatch(list, MATCH_OPTIONS) : () => false;
  const included = compile(globs.filter(glob => !glob.startsWith('!')));
  const excluded = compile(globs.filter(glob => glob.startsWith('!')).map(glob => glob.slice(1)));
  const matches = (path: string) => included(path) && !excluded(path);
  return { matches, excluded };
}

/**
 * An ignored folder ignores everything in it ("legacy" ignores "legacy/a/b.json"), unless a
 * negation names the file itself.
 */
function ignoresPath(ignores: ReturnType<typeof compileGlobs>, path: string): boolean {
  if (ignores.excluded(path)) return false;
  const parts = path.split('/');
  return parts.some((_, index) => ignores.matches(parts.slice(0, index + 1).join('/')));
}

export function createFileMatcher(
  baseDirectory: string,
  policies: readonly PolicyGlob[],
  ignores: readonly string[],
): FileMatcher {
  const toRelative = (path: string) => relative(baseDirectory, path).split(sep).join('/');
  const ignoreGlobs = compileGlobs(ignores);
  const globs = policies.map(entry => ({
    matches: compileGlobs(entry.files).matches,
    kind: entry.kind,
  }));

  const policyGlobMatch = (absolutePath: string) => {
    const path = toRelative(absolutePath);
    const match = globs.find(glob => glob.matches(path));
    return match ? { kind: match.kind } : undefined;
  };

  return {
    isCandidate: path => /\.json$/iu.test(path) || policyGlobMatch(path) !== undefined,
    isIgnored: path => ignoresPath(ignoreGlobs, toRelative(path)),
    policyGlobMatch,
  };
}
