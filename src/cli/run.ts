/**
 * The CLI from arguments to exit code. All I/O goes through `io`, so tests drive it exactly
 * as a terminal or CI step would. Findings go to stdout; diagnostics go to stderr.
 */

import { resolve } from 'node:path';
import { rules } from '../../rules/index.js';
import { ConfigError, resolveRuleSettings } from '../config/config.js';
import { type FileResult, type LintRequest, lintSource } from '../engine/lint.js';
import { fatalFinding } from '../engine/finding.js';
import { createSourceFile, decodeBytes } from '../engine/source-file.js';
import { formatJson } from '../formatters/json.js';
import { escapeForTerminal } from '../formatters/terminal-safe.js';
import { formatStylish } from '../formatters/stylish.js';
import { countFindings, type Formatter } from '../formatters/formatter.js';
import { type CliOptions, HELP, UsageError, parseCliArgs } from './args.js';
import { shouldUseColor } from './color.js';
import { type DiscoveredFile, discoverFiles } from './discover.js';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from './exit-codes.js';
import { createFileMatcher } from './file-matcher.js';
import { loadConfig } from './load-config.js';
import { MAX_FILE_BYTES, readPolicyFile, tooLargeProblem } from './read-file.js';
import { DATA_VERSION, readToolVersion } from './version.js';

export interface CliIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdoutIsTty: boolean;
  writeStdout(text: string): void;
  writeStderr(text: string): void;
  readStdin(): Promise<Uint8Array>;
}

const NOTHING_TO_LINT = 'Nothing to lint: this folder holds no JSON or policy files.';

/** How to lint the file at an absolute path (none for unnamed stdin), named or walked. */
type LintRequestFor = (file: string | undefined, explicit: boolean) => LintRequest;

const FORMATTERS: Record<CliOptions['format'], Formatter> = {
  stylish: formatStylish,
  json: formatJson,
};

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      io.writeStderr(`iamlint: ${escapeForTerminal(error.message)}\n`);
      if (error instanceof UsageError) io.writeStderr('Run "iamlint --help" for usage.\n');
      return EXIT_USAGE;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.writeStderr(`iamlint: internal error, please report it: ${escapeForTerminal(detail)}\n`);
    return EXIT_USAGE;
  }
}

async function run(argv: string[], io: CliIo): Promise<number> {
  const options = parseCliArgs(argv);
  if (options.help) {
    io.writeStdout(`${HELP}\n`);
    return EXIT_OK;
  }
  if (options.version) {
    io.writeStdout(`iamlint ${readToolVersion()} (${DATA_VERSION})\n`);
    return EXIT_OK;
  }

  const { config, baseDirectory } = loadConfig(options.config, io.cwd, rules);
  const settings = resolveRuleSettings(config, rules);
  const ignores = options.ignore ? config.ignores : [];
  const matcher = createFileMatcher(baseDirectory, config.policies, ignores);
  const lintRequest: LintRequestFor = (file, explicit) => {
    const globMatch = file === undefined ? undefined : matcher.policyGlobMatch(file);
    return {
      rules: settings,
      kind: globMatch?.kind ?? options.kind,
      isPolicy: globMatch !== undefined || (explicit && options.kind !== undefined),
      isExplicit: explicit,
    };
  };

  const results = new ResultCollector(options.quiet);
  const skippedByIgnores: string[] = [];
  if (options.paths.includes('-')) {
    const name = options.stdinFilename;
    if (name && matcher.isIgnored(resolve(io.cwd, name))) skippedByIgnores.push(name);
    else results.add(await lintStdin(options, io, lintRequest));
  }

  const named = options.paths.filter(path => path !== '-');
  const discovery = await discoverFiles(named, io.cwd, matcher);
  if (discovery.unmatched.length > 0) {
    const names = discovery.unmatched.map(path => `"${path}"`).join(', ');
    throw new UsageError(`Nothing to lint at ${names}: no such file, folder or glob match.`);
  }
  skippedByIgnores.push(...discovery.ignoredExplicit);
  reportSkippedByIgnores(skippedByIgnores, io);

  // Naming a folder that holds nothing to lint is most likely a wrong path in a CI step.
  if (options.pathsGiven) {
    for (const folder of discovery.emptyDirectories) {
      results.add(fatalResult(folder, NOTHING_TO_LINT));
    }
  }
  for (const file of discovery.files) results.add(lintFile(file, lintRequest));

  return report(results, options, io);
}

/**
 * Keeps what the report needs and no more, so memory does not grow with the files linted:
 * non-policy files are only counted, parse trees are dropped, and a file's text is kept
 * only while it has findings to show.
 */
class ResultCollector {
  readonly policies: FileResult[] = [];
  skippedFiles = 0;

  constructor(private readonly errorsOnly: boolean) {}

  add(result: FileResult | undefined): void {
    if (result === undefined) return;
    if (!result.isPolicy) {
      this.skippedFiles++;
      return;
    }
    const findings = this.errorsOnly
      ? result.findings.filter(finding => finding.severity === 2)
      : result.findings;
    // A file without findings keeps its name, not its text.
    const source = findings.length > 0 ? result.source : createSourceFile(result.source.path, '');
    this.policies.push({ ...result, source, documents: [], findings });
  }
}

function reportSkippedByIgnores(paths: readonly string[], io: CliIo): void {
  const [first] = paths;
  if (first === undefined) return;
  const which = paths.length === 1
    ? `"${first}" is named but skipped by the config's ignores; pass --no-ignore to lint it`
    : `${paths.length} named files (e.g. "${first}") are skipped by the config's ignores; ` +
      'pass --no-ignore to lint them';
  io.writeStderr(`iamlint: ${escapeForTerminal(which)}.\n`);
}

async function lintStdin(
  options: CliOptions,
  io: CliIo,
  lintRequest: LintRequestFor,
): Promise<FileResult> {
  const bytes = await io.readStdin();
  const name = options.stdinFilename ?? '<stdin>';
  if (bytes.length > MAX_FILE_BYTES) {
    return fatalResult(name, tooLargeProblem());
  }
  const { text, encodingFacts } = decodeBytes(bytes);
  const source = createSourceFile(name, text, encodingFacts);
  const path = options.stdinFilename && resolve(io.cwd, options.stdinFilename);
  return lintSource(source, lintRequest(path, true));
}

function lintFile(
  file: DiscoveredFile,
  lintRequest: LintRequestFor,
): FileResult | undefined {
  const read = readPolicyFile(file.absolutePath, file.displayPath);
  if ('source' in read) {
    return lintSource(read.source, lintRequest(file.absolutePath, file.explicit));
  }

  // A walked file that vanished between listing and reading is simply gone.
  if (read.missing && !file.explicit) return undefined;
  return fatalResult(file.displayPath, read.problem);
}

function fatalResult(displayPath: string, problem: string): FileResult {
  const source = createSourceFile(displayPath, '');
  const findings = [fatalFinding(source, problem)];
  return { source, isPolicy: true, documents: [], findings };
}

function report(results: ResultCollector, options: CliOptions, io: CliIo): number {
  const { policies, skippedFiles } = results;
  const color = shouldUseColor(options.color, io.env, io.stdoutIsTty);
  const summary = { skippedFiles };
  io.writeStdout(FORMATTERS[options.format](policies, { cwd: io.cwd, color, summary }));

  const { errors, warnings } = countFindings(policies);
  if (errors > 0) return EXIT_FINDINGS;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    const counted = warnings === 1 ? '1 warning' : `${warnings} warnings`;
    io.writeStderr(`iamlint: ${counted}, more than --max-warnings ` +
      `${options.maxWarnings} allows.\n`);
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}

