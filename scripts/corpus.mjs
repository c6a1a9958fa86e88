// The main job on real data: exports the AWS managed policies, lints them with the built CLI
// as customer managed policies, and prints a short table of what came out. Exits 0 when every
// file was linted without a fatal finding (findings are expected), 1 otherwise.
// Run it with `npm run corpus`, which builds first.

import { Buffer } from 'node:buffer';
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import {
  CORPUS_CLI_ARGS,
  PROJECT_DIR,
  exportManagedPolicies,
} from './export-managed-policies.mjs';

const TOP_MESSAGES = 5;

const exported = exportManagedPolicies();
const command = ['node', 'dist/src/cli/main.js', ...CORPUS_CLI_ARGS];
console.log(`$ ${command.map(quoteForShell).join(' ')}`);

const { status, stdout, stderr, seconds } = await runCli(command.slice(1));
if (stderr.trim() !== '') console.error(stderr.trimEnd());
if (status !== 0 && status !== 1) fail(`the CLI exited with ${status}.`);

let results;
try {
  results = JSON.parse(stdout);
} catch (error) {
  fail(`the CLI printed no JSON results (${error.message}).`);
}

const summary = summarize(results);
printSummary(summary, status, seconds);

if (results.length !== exported) {
  fail(`${exported} policies were exported but the CLI reported ${results.length} files.`);
}
if (summary.fatal.length > 0) fail(`${summary.fatal.length} fatal findings.`);

function runCli(args) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd: PROJECT_DIR });
    const out = [];
    const err = [];
    child.stdout.on('data', chunk => out.push(chunk));
    child.stderr.on('data', chunk => err.push(chunk));
    child.on('error', reject);
    child.on('close', status =>
      resolve({
        status,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        seconds: (performance.now() - started) / 1000,
      }),
    );
  });
}

/** Counts by rule and by message id, and collects every fatal finding. */
function summarize(fileResults) {
  const byRule = new Map();
  const byMessage = new Map();
  const fatal = [];
  let filesWithFindings = 0;

  for (const result of fileResults) {
    if (result.messages.length > 0) filesWithFindings++;
    const rulesInFile = new Set();
    for (const message of result.messages) {
      if (message.fatal) fatal.push(`${result.filePath}: ${message.message}`);
      const ruleId = message.ruleId ?? '(fatal)';
      const counts = byRule.get(ruleId) ?? { errors: 0, warnings: 0, files: 0 };
      if (message.severity === 2) counts.errors++;
      else counts.warnings++;
      if (!rulesInFile.has(ruleId)) counts.files++;
      rulesInFile.add(ruleId);
      byRule.set(ruleId, counts);

      const messageKey = `${ruleId}/${message.messageId ?? '-'}`;
      byMessage.set(messageKey, (byMessage.get(messageKey) ?? 0) + 1);
    }
  }
  return { files: fileResults.length, filesWithFindings, byRule, byMessage, fatal };
}

function printSummary(summary, status, seconds) {
  console.log('');
  console.log(`files linted        ${summary.files} (${summary.filesWithFindings} with findings)`);
  console.log(`wall time           ${seconds.toFixed(2)} s (build not included)`);
  console.log(`CLI exit status     ${status}`);
  console.log(`fatal findings      ${summary.fatal.length}`);
  for (const line of summary.fatal.slice(0, 5)) console.log(`  ${line}`);

  console.log('');
  const rows = [...summary.byRule].sort(([a], [b]) => a.localeCompare(b));
  const width = Math.max(4, ...rows.map(([ruleId]) => ruleId.length));
  console.log(`${'rule'.padEnd(width)}  errors  warnings  files`);
  for (const [ruleId, { errors, warnings, files }] of rows) {
    console.log(
      `${ruleId.padEnd(width)}  ${pad(errors, 6)}  ${pad(warnings, 8)}  ${pad(files, 5)}`,
    );
  }

  console.log('');
  console.log('most common message ids');
  const top = [...summary.byMessage].sort((a, b) => b[1] - a[1]).slice(0, TOP_MESSAGES);
  for (const [key, count] of top) console.log(`  ${pad(count, 6)}  ${key}`);
}

function pad(value, width) {
  return String(value).padStart(width);
}

function quoteForShell(arg) {
  return /^[\w./=-]+$/u.test(arg) ? arg : `'${arg}'`;
}

function fail(reason) {
  console.error(`corpus run failed: ${reason}`);
  process.exit(1);
}
