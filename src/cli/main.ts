#!/usr/bin/env node
/** The `iamlint` executable: wires the real process into runCli. */

import { EXIT_USAGE } from './exit-codes.js';
import { MAX_FILE_BYTES } from './read-file.js';
import { runCli } from './run.js';

/** Stops reading one byte past the file-size limit; runCli reports the oversized input. */
async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    total += (chunk as Buffer).length;
    if (total > MAX_FILE_BYTES) break;
  }
  return Buffer.concat(chunks);
}

function currentDirectory(): string | undefined {
  try {
    return process.cwd();
  } catch {
    return undefined;
  }
}

/**
 * A reader that stops early (`iamlint | head`) is not an error; a full disk is, and gets one
 * line on stderr instead of Node's stack trace.
 */
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.stderr.write(`iamlint: cannot write the report: ${error.code ?? error.message}\n`);
  process.exit(EXIT_USAGE);
});

const cwd = currentDirectory();
if (cwd === undefined) {
  process.stderr.write('iamlint: the current folder no longer exists; cd to one that does.\n');
  process.exitCode = EXIT_USAGE;
} else {
  process.exitCode = await runCli(process.argv.slice(2), {
    cwd,
    env: process.env,
    stdoutIsTty: process.stdout.isTTY === true,
    writeStdout: text => process.stdout.write(text),
    writeStderr: text => process.stderr.write(text),
    readStdin,
  });
}
