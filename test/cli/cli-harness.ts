/** Runs the CLI in-process against a temporary folder, capturing what it prints. */

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { runCli } from '../../src/cli/run.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Creates a folder with these files; a string is written as UTF-8, bytes as they are. */
export function makeTree(files: Record<string, string | Uint8Array>, options = { git: false }) {
  const root = mkdtempSync(join(tmpdir(), 'iamlint-cli-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  if (options.git) execFileSync('git', ['init', '-q'], { cwd: root });
  return root;
}

export async function runIn(cwd: string, argv: string[], stdin = ''): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    cwd,
    env: {},
    stdoutIsTty: false,
    writeStdout: text => {
      stdout += text;
    },
    writeStderr: text => {
      stderr += text;
    },
    readStdin: async () => new TextEncoder().encode(stdin),
  });
  return { code, stdout, stderr };
}

export interface JsonMessage {
  ruleId: string | null;
  message: string;
  line: number;
  column: number;
}

/** `--format json` output as file name → one value per message, in the order printed. */
export function messagesByFile<T>(json: string, pick: (message: JsonMessage) => T) {
  const results = JSON.parse(json) as { filePath: string; messages: JsonMessage[] }[];
  return Object.fromEntries(
    results.map(result => [basename(result.filePath), result.messages.map(pick)]),
  );
}

/** `--format json` output as [file name, rule ids] pairs, in the order printed. */
export function ruleIdsOf(json: string) {
  return Object.entries(messagesByFile(json, message => message.ruleId));
}

export const WILDCARD_POLICY =
  '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}';

export const CLEAN_POLICY =
  '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject",' +
  '"Resource":"arn:aws:s3:::b/*"}]}';

/** Only a warning: NotAction scoped to one bucket. */
export const WARNING_POLICY =
  '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotAction":"s3:DeleteObject",' +
  '"Resource":"arn:aws:s3:::b/*"}]}';
