// Entry of the sheet reading worker (server/studio/sheets.ts): loads its TypeScript through tsx.
import { tsImport } from 'tsx/esm/api';

await tsImport('./sheet-worker.ts', import.meta.url);
