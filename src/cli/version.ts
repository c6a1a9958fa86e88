/** The tool's version from package.json, and the date of the data it bundles. */

import { readFileSync } from 'node:fs';

/** When the size limits in policy-size were last checked against AWS's quota pages. */
export const DATA_VERSION = 'IAM and Organizations size limits of 2026-05';

export function readToolVersion(): string {
  // Two levels up from src/cli in the sources, three from dist/src/cli in the build.
  for (const up of ['../../package.json', '../../../package.json']) {
    try {
      const manifest = JSON.parse(readFileSync(new URL(up, import.meta.url), 'utf8'));
      if (manifest.name === 'iamlint') return String(manifest.version);
    } catch {
      // Try the next location.
    }
  }
  return 'unknown';
}
