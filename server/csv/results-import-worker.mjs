// Entry of the results import worker (server/csv/results-import.ts): loads its TypeScript through tsx.
import { tsImport } from 'tsx/esm/api';

await tsImport('./results-import-worker.ts', import.meta.url);
