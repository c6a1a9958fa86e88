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
  /** Folders on the command line with no JSON or policy file in them. */
  emptyDirectories: DiscoveredFile[];
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
  const emptyDirectories: DiscoveredFile[] = [];
  const ignoredExplicit: string[] = [];
  const add = (absolutePath: string, explicit: boolean) => {
    // The config's ignores hold even for named files, so pre-commit respects them too.
    if (matcher.isIgnored(absolutePath)) {
      if (explicit) ignoredExplicit.push(toDisplayPath(absolutePath, cwd));
      return;
    }
    const existing = found.get(absolutePath);
    if (existing && (existing.explicit || !explicit)) return;
    const displayPath = toDisplayPath(absolutePath, cwd);
    found.set(absolutePath, { displayPath, absolutePath, explicit });
  };

  for (const path of paths) {
    const absolute = resolve(cwd, path);
    if (isDirectory(absolute)) {
      const walked = await walkDirectory(absolute);
      const candidates = walked.filter(file => matcher.isCandidate(file));
      if (candidates.length === 0) {
        emptyDirectories.push({ displayPath: toDisplayPath(absolute, cwd), absolutePath: absolute,
          explicit: true });
      }
      for (const file of candidates) add(file, false);
    } else if (pathExists(absolute)) {
      add(absolute, true);
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
      for (const file of matches) add(file, true);
    }
  }

  return { files: [...found.values()], unmatched, emptyDirectories, ignoredExplicit };
}

/**
 * The files under a folder named on the command line. A folder git ignores as a whole
 * (build output, an exported corpus) is named on purpose, so it is walked without ignores.
 */
async function walkDirectory(directory: string): Promise<string[]> {
  const fromGit = listWithGit(directory);
  const relativePaths = fromGit?.length === 0 && isIgnoredByGit(directory)
    ? await listWithGlobby(directory, { gitignore: false })
    : (fromGit ?? (await listWithGlobby(directory, { gitignore: true })));
  return relativePaths
    .filter(path => !path.split(/[\\/]/u).some(segment => NEVER_WALKED.has(segment)))
    .map(path => join(directory, path));
}

async function listWithGlobby(directory: string, { gitignore }: { gitignore: boolean }) {
  const { globby } = await loadGlobby();
  // Symbolic links are listed, not followed: git lists them the same way, and reading one
  // reports a dangling link or a link to a folder instead of walking into a loop.
  return globby('**/*', {
    cwd: directory,
    dot: true,
    gitignore,
    onlyFiles: false,
    followSymbolicLinks: false,
    ignore: ['**/node_modules/**', '**/.git/**'],
  });
}

function isIgnoredByGit(directory: string): boolean {
  try {
    execFileSync('git', ['check-ignore', '-q', '.'], { cwd: directory, stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
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
