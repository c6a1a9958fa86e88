/**
 * Finds and reads the config: --config when given, else the nearest iamlint.config.json
 * from the working directory up to the top of the git work tree (or the file system).
 */

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import {
  CONFIG_FILE_NAME,
  type Config,
  ConfigError,
  EMPTY_CONFIG,
  parseConfig,
} from '../config/config.js';
import type { AnyRule } from '../engine/rule.js';
import { decodeBytes } from '../engine/source-file.js';

export interface LoadedConfig {
  config: Config;
  /** Globs in the config are relative to this folder. */
  baseDirectory: string;
  path: string | undefined;
}

export function loadConfig(
  explicitPath: string | undefined,
  cwd: string,
  rules: readonly AnyRule[],
): LoadedConfig {
  const path = explicitPath ? resolve(cwd, explicitPath) : findConfig(cwd);
  if (path === undefined) return { config: EMPTY_CONFIG, baseDirectory: cwd, path };

  const shownPath = explicitPath ?? relative(cwd, path);
  let text: string;
  try {
    // Decoded as policies are: a BOM or UTF-16 from a Windows editor is no reason to fail.
    text = decodeBytes(readFileSync(path)).text;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'EISDIR' ? 'it is a folder' : code === 'ENOENT'
      ? 'it does not exist'
      : (code ?? String(error));
    throw new ConfigError(`Cannot read the config ${shownPath}: ${reason}.`);
  }
  const config = parseConfig(text, shownPath, rules);
  return { config, baseDirectory: dirname(path), path };
}

function findConfig(cwd: string): string | undefined {
  let directory = cwd;
  for (;;) {
    const candidate = join(directory, CONFIG_FILE_NAME);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(directory);
    // Stop at the top of the repository, so a config elsewhere on the machine never applies.
    if (existsSync(join(directory, '.git')) || parent === directory) return undefined;
    directory = parent;
  }
}
