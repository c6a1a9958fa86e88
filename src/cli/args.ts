/** Command-line options, parsed with Node's util.parseArgs and checked before any work. */

import { parseArgs } from 'node:util';
import { type PolicyKind, POLICY_KINDS, isPolicyKind } from '../policy/kind.js';

export const FORMATS = ['stylish', 'json'] as const;
export type FormatName = (typeof FORMATS)[number];

export interface CliOptions {
  paths: string[];
  /** False when no path was given and "." is linted by default. */
  pathsGiven: boolean;
  format: FormatName;
  config: string | undefined;
  kind: PolicyKind | undefined;
  maxWarnings: number | undefined;
  quiet: boolean;
  /** False with --no-ignore: the config's ignores are not applied. */
  ignore: boolean;
  stdinFilename: string | undefined;
  color: boolean | undefined;
  help: boolean;
  version: boolean;
}

export class UsageError extends Error {}

export const HELP = `Usage: iamlint [options] [paths...]

Lint the AWS IAM policy documents in files and directories (default: .).
Inside a git work tree the files git tracks or would track are read; elsewhere .gitignore
is honoured. Files and folders named on the command line are linted even when git ignores
them (the config's ignores still apply). Use - to read stdin.

Options:
  -f, --format <name>       Output format: ${FORMATS.join(', ')} (default: stylish)
  -c, --config <file>       Config file (default: iamlint.config.json, searched upwards)
      --kind <kind>         Kind of policies not matched by a config glob:
                            ${POLICY_KINDS.join(', ')}
      --max-warnings <n>    Exit 1 when there are more than n warnings (-1: no limit)
      --quiet               Report errors only; warnings are not counted either
      --no-ignore           Lint files the config's ignores would skip
      --stdin-filename <p>  Name to show for the document read from stdin
      --color, --no-color   Force colour on or off (NO_COLOR and FORCE_COLOR also work)
  -h, --help                Show this help
  -v, --version             Show the version of iamlint and of its data

Exit status: 0 no errors, 1 errors or too many warnings, 2 bad options, a bad config
or an internal failure.`;

export function parseCliArgs(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f' },
        config: { type: 'string', short: 'c' },
        kind: { type: 'string' },
        'max-warnings': { type: 'string' },
        quiet: { type: 'boolean' },
        'no-ignore': { type: 'boolean' },
        'stdin-filename': { type: 'string' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;

  const format = values.format ?? 'stylish';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format "${format}" is not a format; use ${FORMATS.join(' or ')}.`);
  }
  for (const name of ['config', 'stdin-filename'] as const) {
    if (values[name] === '') throw new UsageError(`--${name} needs a file name, not "".`);
  }
  if (positionals.includes('')) {
    throw new UsageError('A path is empty (""); name a file or folder.');
  }
  if (values['stdin-filename'] !== undefined && !positionals.includes('-')) {
    throw new UsageError('--stdin-filename names the input read from stdin; add - to the paths.');
  }
  if (values.kind !== undefined && !isPolicyKind(values.kind)) {
    throw new UsageError(`--kind "${values.kind}" is not a kind; use one of ` +
      `${POLICY_KINDS.join(', ')}.`);
  }

  return {
    paths: positionals.length > 0 ? positionals : ['.'],
    pathsGiven: positionals.length > 0,
    format: format as FormatName,
    config: values.config,
    kind: values.kind as PolicyKind | undefined,
    maxWarnings: parseMaxWarnings(values['max-warnings']),
    quiet: values.quiet ?? false,
    ignore: !(values['no-ignore'] ?? false),
    stdinFilename: values['stdin-filename'],
    color: values['no-color'] ? false : values.color,
    help: values.help ?? false,
    version: values.version ?? false,
  };
}

/** -1 means no limit, as in ESLint. */
function parseMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined || value === '-1') return undefined;
  if (!/^\d+$/u.test(value)) {
    throw new UsageError(`--max-warnings "${value}" must be a whole number, such as 0 ` +
      '(or -1 for no limit).');
  }
  return Number(value);
}
