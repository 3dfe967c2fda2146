import path from 'node:path';
import { cleanPersonName, PERSON_NAME_MAX } from '../shared/person-name';
import { parseTrustProxy, type ProxyTrust } from './http/client-address';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** The first producer's secret (the passcode); when unset, one is generated at first start, printed once and kept as a hash. */
  operatorPasscode: string | undefined;
  /** The first producer's name (PRODUCER_NAME), given at first start: "producer" by default. */
  producerName: string;
  /** Origins (besides the server's own) allowed to open a Socket.IO connection. */
  allowedOrigins: string[];
  /** The public base URL for links and QR codes; by default taken from each request's Host. */
  publicUrl: string | undefined;
  /** Folder of ceremony definitions loaded on first start. */
  ceremoniesDir: string;
  logLevel: string;
  /** PostgreSQL for the event log instead of SQLite, so that several processes share it. */
  databaseUrl: string | undefined;
  /** Redis for Socket.IO broadcasts between processes. */
  redisUrl: string | undefined;
  /** How long after GO every screen shows a reveal, so that all show it together. */
  revealLeadMs: number;
  /** Signs operator sessions and link keys; the same for every process of one deployment. */
  sessionKey: string | undefined;
  /** Which proxies in front may tell the client's address (TRUST_PROXY); none by default. */
  trustProxy: ProxyTrust;
}

function parseWholeNumber(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${value}"`);
  return n;
}

function parseSessionKey(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (value.length < 32) throw new Error('SESSION_KEY must be at least 32 characters (e.g. `openssl rand -base64 32`)');
  return value;
}

function parseProducerName(value: string | undefined): string {
  if (value === undefined || value.trim() === '') return 'producer';
  const name = cleanPersonName(value);
  if (!name) throw new Error(`PRODUCER_NAME must be 1 to ${PERSON_NAME_MAX} characters, without control characters`);
  return name;
}

export function configFromEnv(env: NodeJS.ProcessEnv, root: string): Config {
  return {
    port: parseWholeNumber('PORT', env.PORT, 3000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR || path.join(root, 'data')),
    operatorPasscode: env.OPERATOR_PASSCODE || undefined,
    producerName: parseProducerName(env.PRODUCER_NAME),
    allowedOrigins: (env.ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    publicUrl: env.PUBLIC_URL || undefined,
    ceremoniesDir: path.join(root, 'ceremonies'),
    logLevel: env.LOG_LEVEL || 'info',
    databaseUrl: env.DATABASE_URL || undefined,
    redisUrl: env.REDIS_URL || undefined,
    revealLeadMs: parseWholeNumber('REVEAL_LEAD_MS', env.REVEAL_LEAD_MS, 400, 0, 5000),
    sessionKey: parseSessionKey(env.SESSION_KEY),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
  };
}
