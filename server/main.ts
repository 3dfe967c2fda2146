import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPodium } from './app';
import { configFromEnv } from './config';
import { screenKeys } from './http/http-api';
import { passcodeLine, startupMessage } from './startup-message';
import { StorageIntegrityError } from './storage/storage-integrity';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const config = configFromEnv(process.env, root);
const server = await startPodium({ config, distDir: path.join(root, 'dist') }).catch((error: unknown) => {
  // A damaged log: say what was found and how to recover, without a stack trace.
  if (!(error instanceof StorageIntegrityError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});

// Printed, not logged: the generated passcode must not end up in a log collector.
process.stdout.write(
  startupMessage({
    url: server.url,
    port: server.port,
    host: config.host,
    publicUrl: config.publicUrl,
    interfaces: os.networkInterfaces(),
    ceremonyId: 'egov-award-1399',
    // The stage and overlay links carry their keys: this terminal is the operator's.
    screenKeys: screenKeys(server.auth, 'egov-award-1399'),
    passcodeLine: passcodeLine(server.firstProducer, config.operatorPasscode !== undefined, config.producerName),
  }),
);

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
