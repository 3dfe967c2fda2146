import fs from 'node:fs';
import { ceremonyJsonSchema } from '../shared/json-schema';

// Regenerates docs/ceremony.schema.json from the zod schema in shared/ceremony.ts.
fs.writeFileSync(new URL('../docs/ceremony.schema.json', import.meta.url), `${JSON.stringify(ceremonyJsonSchema(), null, 2)}\n`);
