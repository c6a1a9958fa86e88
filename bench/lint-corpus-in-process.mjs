// Lints every file of corpus/managed with the built engine in this process, the way the CLI
// reads and lints them but without discovery or output, and prints one JSON line of timings
// (milliseconds) and peak memory. bench/run.mjs runs it; it is not meant to be run by hand.

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CORPUS_DIR } from '../scripts/export-managed-policies.mjs';

// Milliseconds from process start to this line: Node's own start-up.
const bootMs = performance.now();

const importStart = performance.now();
const { rules } = await import('../dist/rules/index.js');
const { EMPTY_CONFIG, resolveRuleSettings } = await import('../dist/src/config/config.js');
const { lintSource } = await import('../dist/src/engine/lint.js');
const { readPolicyFile } = await import('../dist/src/cli/read-file.js');
const importMs = performance.now() - importStart;

const readStart = performance.now();
const names = readdirSync(CORPUS_DIR).filter(name => name.endsWith('.json')).sort();
const sources = names.map(name => {
  const read = readPolicyFile(join(CORPUS_DIR, name), name);
  if (!('source' in read)) throw new Error(`${name}: ${read.problem}`);
  return read.source;
});
const readMs = performance.now() - readStart;

const lintStart = performance.now();
const request = {
  rules: resolveRuleSettings(EMPTY_CONFIG, rules),
  kind: 'managed',
  isPolicy: true,
};
let findings = 0;
for (const source of sources) findings += lintSource(source, request).findings.length;
const lintMs = performance.now() - lintStart;

console.log(
  JSON.stringify({
    files: sources.length,
    findings,
    bootMs,
    importMs,
    readMs,
    lintMs,
    // Kilobytes, as getrusage reports it.
    maxRssKb: process.resourceUsage().maxRSS,
  }),
);
