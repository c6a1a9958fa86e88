/**
 * The discover stage: command-line paths to the files to lint. Directories are walked with
 * `git ls-files` inside a git work tree (so .gitignore and untracked files behave as git
 * says) and with globby elsewhere. node_modules and .git are never walked.
 */

import { execFileSync } from 'node:child_process';
import { lstatSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { FileMatcher } from './file-matcher.js';

export interface DiscoveredFile {
  /** The path as shown to the user: relative to the working directory when inside it. */
  displayPath: string;
  absolutePath: string;
  /** Named on the command line: linted even when git ignores it or it looks like no policy. */
  explicit: boolean;
}

export interface Discovery {
  files: DiscoveredFile[];
  /** Paths on the command line that do not exist or match nothing: a usage error. */
  unmatched: string[];
  /** Folders on the command line (as shown) with no JSON or policy file in them. */
  emptyDirectories: string[];
  /** Files the user named that the config's ignores skip. */
  ignoredExplicit: string[];
}

/** globby costs tens of milliseconds to load, so single-file and git runs never load it. */
const loadGlobby = () => import('globby');

/** Glob syntax, as globby's isDynamicPattern sees it. */
const GLOB_CHARACTERS = /[*?[\]{}()!]/u;

const NEVER_WALKED = new Set(['node_modules', '.git']);

export async function discoverFiles(
  paths: readonly string[],
  cwd: string,
  matcher: FileMatcher,
): Promise<Discovery> {
  const found = new Map<string, DiscoveredFile>();
  const unmatched: string[] = [];
  const emptyDirectories: string[] = [];
  const ignoredExplicit: string[] = [];
  const add = (absolutePath: string, explicit: boolean) => {
    const existing = found.get(absolutePath);
    if (existing && (existing.explicit || !explicit)) return;
    const displayPath = toDisplayPath(absolutePath, cwd);
    found.set(absolutePath, { displayPath, absolutePath, explicit });
  };
  // The config's ignores hold even for named files, so pre-commit respects them too.
  const addNamed = (absolutePath: string) => {
    if (matcher.isIgnored(absolutePath)) ignoredExplicit.push(toDisplayPath(absolutePath, cwd));
    else add(absolutePath, true);
  };

  for (const path of paths) {
    const absolute = resolve(cwd, path);
    if (isDirectory(absolute)) {
      const displayPath = toDisplayPath(absolute, cwd);
      const candidates = await walkDirectory(absolute, file => matcher.isCandidate(file));
      const kept = candidates.filter(file => !matcher.isIgnored(file));
      if (candidates.length === 0) {
        emptyDirectories.push(displayPath);
      } else if (kept.length === 0) {
        ignoredExplicit.push(`${displayPath}/`);
      }
      for (const file of kept) add(file, false);
    } else if (pathExists(absolute)) {
      addNamed(absolute);
    } else if (!GLOB_CHARACTERS.test(path)) {
      unmatched.push(path);
    } else {
      // A pattern the user typed is as explicit as a file name, so .gitignore does not apply.
      const { globby } = await loadGlobby();
      const matches = await globby(path, {
        cwd,
        absolute: true,
        dot: true,
        ignore: ['**/node_modules/**', '**/.git/**'],
      });
      if (matches.length === 0) unmatched.push(path);
      for (const file of matches) addNamed(file);
    }
  }

  return { files: [...found.values()], unmatched, emptyDirectories, ignoredExplicit };
}

/**
 * The candidate files under a folder named on the command line, in a stable order. When git
 * ignores every candidate (build output, an exported corpus), the folder was named on
 * purpose, so it is walked again without ignores.
 */
async function walkDirectory(
  directory: string,
  isCandidate: (path: string) => boolean,
): Promise<string[]> {
  const candidatesOf = (relativePaths: string[]) =>
    relativePaths
      .filter(path => !path.split(/[\\/]/u).some(segment => NEVER_WALKED.has(segment)))
      .map(path => join(directory, path))
      .filter(isCandidate)
      .sort();

  const fromGit = listWithGit(directory);
  if (fromGit === undefined) return candidatesOf(await listWithGlobby(directory, true));
  const candidates = candidatesOf(fromGit);
  if (candidates.length > 0) return candidates;
  return candidatesOf(await listWithGlobby(directory, false));
}

async function listWithGlobby(directory: string, gitignore: boolean): Promise<string[]> {
  const { globby } = await loadGlobby();
  // Symbolic links are listed, not followed, as git lists them: reading one then reports a
  // dangling link or a link to a folder instead of walking into a loop. Real folders are
  // marked with a trailing slash and left out, as git leaves them out.
  const entries = await globby('**/*', {
    cwd: directory,
    dot: true,
    gitignore,
    onlyFiles: false,
    markDirectories: true,
    followSymbolicLinks: false,
    ignore: ['**/node_modules/**', '**/.git/**'],
  });
  return entries.filter(entry => !entry.endsWith('/'));
}

/** Tracked plus untracked-but-not-ignored files; undefined outside a git work tree. */
function listWithGit(directory: string): string[] | undefined {
  try {
    const output = execFileSync(
      'git',
      ['ls-files', '--cached', '--others', '--exclude-standard', '-z'],
      { cwd: directory, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1e9 },
    );
    // A path deleted from the work tree but still in the index is not there to lint.
    return [...new Set(output.split('\0'))].filter(
      path => path !== '' && pathExists(join(directory, path)),
    );
  } catch {
    return undefined;
  }
}

/** Whether anything is at the path, a dangling symbolic link included. */
function pathExists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function toDisplayPath(absolutePath: string, cwd: string): string {
  const fromCwd = relative(cwd, absolutePath);
  const outside = fromCwd.startsWith(`..${sep}`) || fromCwd === '..' || isAbsolute(fromCwd);
  return outside ? absolutePath : fromCwd.split(sep).join('/');
}
