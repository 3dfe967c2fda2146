import pino from 'pino';

/**
 * Structured logs. Nothing secret is ever passed to a log call (no passcode, token, cookie or
 * result); the redaction below is a second guard for the headers.
 */
export function createLogger(level: string): pino.Logger {
  return pino({
    level,
    base: undefined,
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'passcode', 'token', '*.passcode', '*.token'], censor: '[redacted]' },
  });
}
export type Logger = pino.Logger;
