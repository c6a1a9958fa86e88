// `npm run bench`: how long iamlint takes on the exported AWS managed policies and on one
// small file from a cold start, against the targets in the issue. Every measurement is a
// fresh child process, so each run pays Node's start-up as a user would.

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  CORPUS_CLI_ARGS,
  CORPUS_CONFIG,
  CORPUS_DIR,
  PROJECT_DIR,
  exportManagedPolicies,
} from '../scripts/export-managed-policies.mjs';

const CORPUS_RUNS = 5;
const COLD_RUNS = 10;
const CORPUS_TARGET_MS = 1000;
const ONE_FILE_TARGET_MS = 150;
const CLI = 'dist/src/cli/main.js';
const GNU_TIME = '/usr/bin/time';

if (!existsSync(join(PROJECT_DIR, CLI))) fail(`${CLI} is missing: run "npm run build" first.`);
if (!existsSync(CORPUS_CONFIG) || corpusFiles().length === 0) exportManagedPolicies();
const files = corpusFiles();
const useGnuTime = existsSync(GNU_TIME) && spawnSync(GNU_TIME, ['-v', 'true']).status === 0;

printHeader();
const corpus = measureCorpus();
const inProcess = measureInProcess();
const cold = measureColdStart();
printResults(corpus, inProcess, cold);

function corpusFiles() {
  if (!existsSync(CORPUS_DIR)) return [];
  return readdirSync(CORPUS_DIR).filter(name => name.endsWith('.json'));
}

/** One child process: its wall time, exit status, output and, under GNU time, peak RSS. */
function timeChild(args, { measureMemory = false } = {}) {
  const command = measureMemory && useGnuTime ? GNU_TIME : process.execPath;
  const commandArgs = measureMemory && useGnuTime ? ['-v', process.execPath, ...args] : args;
  const started = performance.now();
  const child = spawnSync(command, commandArgs, {
    cwd: PROJECT_DIR,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = performance.now() - started;
  if (child.error) fail(`cannot run node ${args.join(' ')}: ${child.error.message}`);

  const rss = /Maximum resident set size \(kbytes\): (\d+)/u.exec(child.stderr)?.[1];
  return {
    ms,
    status: child.status,
    stdout: child.stdout,
    stderr: child.stderr,
    maxRssKb: rss === undefined ? undefined : Number(rss),
  };
}

/** (a) The whole corpus through the CLI, as `npm run corpus` runs it. */
function measureCorpus() {
  const args = [CLI, ...CORPUS_CLI_ARGS];
  // One run first, not counted, so every counted run finds the files in the page cache.
  const warmUp = timeChild(args);
  checkCliStatus(warmUp, args);
  const linted = JSON.parse(warmUp.stdout).length;
  if (linted !== files.length) fail(`the CLI linted ${linted} of ${files.length} files.`);

  const runs = [];
  for (let run = 0; run < CORPUS_RUNS; run++) {
    const result = timeChild(args, { measureMemory: true });
    checkCliStatus(result, args);
    runs.push(result);
  }
  return {
    ms: runs.map(run => run.ms),
    maxRssKb: runs.map(run => run.maxRssKb).filter(kb => kb !== undefined),
  };
}

/** The engine alone on the same files, so start-up and discovery show apart from linting. */
function measureInProcess() {
  const args = [join('bench', 'lint-corpus-in-process.mjs')];
  const runs = [];
  for (let run = 0; run < CORPUS_RUNS; run++) {
    const result = timeChild(args);
    if (result.status !== 0) fail(`${args[0]} failed:\n${result.stderr}`);
    runs.push({ ...JSON.parse(result.stdout), ms: result.ms });
  }
  const column = key => runs.map(run => run[key]);
  return {
    ms: column('ms'),
    bootMs: column('bootMs'),
    importMs: column('importMs'),
    readMs: column('readMs'),
    lintMs: column('lintMs'),
    maxRssKb: column('maxRssKb'),
  };
}

/** (b) One small file from a cold start, next to Node's own start-up. */
function measureColdStart() {
  const file = smallPolicyFile();
  const commands = [
    { label: 'node -e ""', args: ['-e', ''] },
    { label: 'iamlint --version', args: [CLI, '--version'] },
    { label: `iamlint ${file.display}`, args: [CLI, file.path] },
  ];
  const checked = timeChild(commands[2].args);
  checkCliStatus(checked, commands[2].args);

  const times = commands.map(() => []);
  // Round-robin, so drift in the machine's load touches every command alike.
  for (let run = 0; run < COLD_RUNS; run++) {
    commands.forEach((command, index) => times[index].push(timeChild(command.args).ms));
  }
  return { file, rows: commands.map((command, index) => ({ ...command, ms: times[index] })) };
}

/** The smallest JSON file in examples/, or a small policy in the OS temp folder. */
function smallPolicyFile() {
  const examples = join(PROJECT_DIR, 'examples');
  const candidates = existsSync(examples)
    ? readdirSync(examples, { recursive: true })
      .map(name => join(examples, name))
      .filter(path => path.endsWith('.json') && statSync(path).isFile() && parses(path))
      .sort((a, b) => statSync(a).size - statSync(b).size || a.localeCompare(b))
    : [];
  if (candidates[0] !== undefined) {
    const display = relative(PROJECT_DIR, candidates[0]).split('\\').join('/');
    return { path: candidates[0], display, bytes: statSync(candidates[0]).size };
  }

  const path = join(tmpdir(), 'iamlint-bench-policy.json');
  const policy = {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }],
  };
  writeFileSync(path, `${JSON.stringify(policy, null, 4)}\n`);
  return { path, display: path, bytes: statSync(path).size };
}

function parses(path) {
  try {
    JSON.parse(readFileSync(path, 'utf8'));
    return true;
  } catch {
    return false;
  }
}

/** Exit 1 only means findings; anything else means the run did not happen. */
function checkCliStatus(result, args) {
  if (result.status === 0 || result.status === 1) return;
  fail(`node ${args.join(' ')} exited with ${result.status}:\n${result.stderr}`);
}

function printHeader() {
  const cores = availableParallelism();
  const model = cpus()[0]?.model.trim() ?? 'unknown CPU';
  const bytes = files.reduce((sum, name) => sum + statSync(join(CORPUS_DIR, name)).size, 0);
  console.log(`iamlint bench: ${cores} cores (${model}), Node ${process.version}, ` +
    `${process.platform} ${process.arch}`);
  console.log(`corpus: ${files.length} files, ${(bytes / 1e6).toFixed(1)} MB, ` +
    `in ${relative(PROJECT_DIR, CORPUS_DIR)}/`);
  console.log('');
}

function printResults(corpusRuns, engineRuns, coldRuns) {
  const cliMedian = median(corpusRuns.ms);
  const engineMedian = median(engineRuns.lintMs);
  const readMedian = median(engineRuns.readMs);
  const rows = [];
  const row = (label, values, note = '') => rows.push([label, ...values, note]);

  row(`whole corpus, CLI (${CORPUS_RUNS} runs)`, msPair(corpusRuns.ms));
  row('  files per second', [`${Math.round(files.length / (cliMedian / 1000))}`, ''],
    'from the median');
  row('  peak memory (maxRSS)', memoryPair(corpusRuns.maxRssKb),
    useGnuTime ? 'GNU time -v' : 'GNU time not found');
  row(`in-process engine (${CORPUS_RUNS} runs)`, msPair(engineRuns.ms), 'whole child');
  row('  Node start-up to first line', msPair(engineRuns.bootMs));
  row('  import engine and rules', msPair(engineRuns.importMs));
  row('  read files', msPair(engineRuns.readMs));
  row('  lint', msPair(engineRuns.lintMs),
    `${Math.round(files.length / (engineMedian / 1000))} files/s`);
  row('  peak memory (maxRSS)', memoryPair(engineRuns.maxRssKb), 'resourceUsage');
  row('CLI time besides read + lint', [formatMs(cliMedian - engineMedian - readMedian), ''],
    'start-up, discovery, output');
  for (const { label, ms } of coldRuns.rows) row(`${label} (${COLD_RUNS} runs)`, msPair(ms));
  const [node, , oneFile] = coldRuns.rows.map(({ ms }) => median(ms));
  row('  iamlint beyond node -e ""', [formatMs(oneFile - node), ''],
    `${coldRuns.file.bytes}-byte file`);
  printTable(['measure', 'median', 'min', 'note'], rows);

  console.log('');
  printTable(['target', 'limit', 'measured', 'met'], [
    ['whole corpus through the CLI', `< ${CORPUS_TARGET_MS} ms`, formatMs(cliMedian),
      cliMedian < CORPUS_TARGET_MS ? 'yes' : 'no'],
    ['one small file, cold start', `< ${ONE_FILE_TARGET_MS} ms`, formatMs(oneFile),
      oneFile < ONE_FILE_TARGET_MS ? 'yes' : 'no'],
  ]);
}

function printTable(header, rows) {
  const all = [header, ...rows];
  const widths = header.map((_, index) => Math.max(...all.map(cells => cells[index].length)));
  for (const cells of all) {
    const line = cells.map((cell, index) =>
      index === 0 || index === cells.length - 1
        ? cell.padEnd(widths[index])
        : cell.padStart(widths[index]),
    );
    console.log(line.join('  ').trimEnd());
  }
}

function msPair(values) {
  return [formatMs(median(values)), formatMs(Math.min(...values))];
}

function memoryPair(kilobytes) {
  if (kilobytes.length === 0) return ['n/a', 'n/a'];
  return [formatMb(median(kilobytes)), formatMb(Math.min(...kilobytes))];
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function formatMs(ms) {
  return `${Math.round(ms)} ms`;
}

function formatMb(kilobytes) {
  return `${(kilobytes / 1024).toFixed(0)} MiB`;
}

function fail(reason) {
  console.error(`bench failed: ${reason}`);
  process.exit(1);
}
