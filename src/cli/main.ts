#!/usr/bin/env node
/** The `iamlint` executable: wires the real process into runCli. */

import { runCli } from './run.js';

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

process.exitCode = await runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdoutIsTty: process.stdout.isTTY === true,
  writeStdout: text => process.stdout.write(text),
  writeStderr: text => process.stderr.write(text),
  readStdin,
});
