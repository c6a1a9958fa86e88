// Writes schema/iamlint.config.schema.json from the built rules (run by `npm run build`).

import { writeFileSync } from 'node:fs';
import { rules } from '../dist/rules/index.js';
import { buildConfigJsonSchema } from '../dist/src/config/config-schema.js';

const target = new URL('../schema/iamlint.config.schema.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(buildConfigJsonSchema(rules), null, 2)}\n`);
