import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** The operator passcode; when unset, one is generated at first start and kept in dataDir. */
  operatorPasscode: string | undefined;
  /** Origins (besides the server's own) allowed to open a Socket.IO connection. */
  allowedOrigins: string[];
  /** The public base URL for links and QR codes; by default taken from each request's Host. */
  publicUrl: string | undefined;
  /** Folder of ceremony definitions loaded on first start. */
  ceremoniesDir: string;
  logLevel: string;
}

function parsePort(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a whole number from 0 to 65535, got "${value}"`);
  return port;
}

export function configFromEnv(env: NodeJS.ProcessEnv, root: string): Config {
  return {
    port: parsePort(env.PORT, 3000),
    host: env.HOST || '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR || path.join(root, 'data')),
    operatorPasscode: env.OPERATOR_PASSCODE || undefined,
    allowedOrigins: (env.ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    publicUrl: env.PUBLIC_URL || undefined,
    ceremoniesDir: path.join(root, 'ceremonies'),
    logLevel: env.LOG_LEVEL || 'info',
  };
}
