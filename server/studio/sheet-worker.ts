import { parentPort, workerData } from 'node:worker_threads';
import { readSheetFile, type SheetFileType } from './sheets';

/** Reads one spreadsheet off the main event loop, and answers once with the tables as JSON text (sent on as it is). */
const { type, bytes } = workerData as { type: SheetFileType; bytes: Uint8Array };
parentPort!.postMessage(await readSheetFile(type, bytes));
