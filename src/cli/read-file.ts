/**
 * Reads one file for linting. Whatever goes wrong (a directory, a FIFO, a vanished or
 * unreadable file, a huge file) becomes a message for that file; nothing here throws.
 */

import { lstatSync, readFileSync, statSync } from 'node:fs';
import { type SourceFile, createSourceFile, decodeBytes } from '../engine/source-file.js';

/**
 * Far above any policy or policy container worth linting, and low enough that a stray
 * data file cannot exhaust memory.
 */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;

/**
 * The finding for input over MAX_FILE_BYTES. A file's size is known from its stats; stdin
 * is read only up to the limit, so its size is not.
 */
export function tooLargeProblem(fileSize?: number): string {
  const limit = `the ${MAX_FILE_BYTES / 1024 / 1024} MiB limit`;
  if (fileSize === undefined) return `Cannot lint: the input is over ${limit}.`;
  return `Cannot lint: the file is ${(fileSize / 1024 / 1024).toFixed(1)} MiB, over ${limit}.`;
}

export type ReadResult =
  | { source: SourceFile }
  | { problem: string; missing?: boolean };

export function readPolicyFile(path: string, displayPath: string): ReadResult {
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) return { problem: 'Cannot lint: this is a directory, not a file.' };
    // Reading a FIFO or device would block or never end.
    if (!stats.isFile()) return { problem: 'Cannot lint: this is not a regular file.' };
    if (stats.size > MAX_FILE_BYTES) return { problem: tooLargeProblem(stats.size) };
    const { text, encodingFacts } = decodeBytes(readFileSync(path));
    return { source: createSourceFile(displayPath, text, encodingFacts) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && isSymbolicLink(path)) {
      return { problem: 'Cannot read the file: it is a symbolic link to nothing.' };
    }
    const problem = `Cannot read the file: ${describeErrno(code, error)}.`;
    return { problem, missing: code === 'ENOENT' };
  }
}

function isSymbolicLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function describeErrno(code: string | undefined, error: unknown): string {
  switch (code) {
    case 'ENOENT':
      return 'it does not exist';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'EISDIR':
      return 'it is a directory';
    default:
      return code ?? (error instanceof Error ? error.message : String(error));
  }
}
