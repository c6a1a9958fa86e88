import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, readPolicyFile, tooLargeProblem } from '../../src/cli/read-file.js';

describe('readPolicyFile', () => {
  it('refuses a file over the limit by its size, without reading it', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'iamlint-read-')), 'huge.json');
    writeFileSync(path, '');
    truncateSync(path, 40 * 1024 * 1024);
    expect(readPolicyFile(path, 'huge.json')).toEqual({
      problem: 'Cannot lint: the file is 40.0 MiB, over the 32 MiB limit.',
    });
  });

  it('says what is wrong when stdin is over the limit', () => {
    expect(MAX_FILE_BYTES).toBe(32 * 1024 * 1024);
    expect(tooLargeProblem()).toBe('Cannot lint: the input is over the 32 MiB limit.');
  });
});
