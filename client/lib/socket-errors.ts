import { ErrorCodes, type ErrorCode, type PodiumError } from '../../shared/errors';

const knownCodes = new Set<string>(Object.values(ErrorCodes));

/**
 * A refused socket.io connection carries the server's reason as `message` (the error code) and,
 * when the server sends one, `data` with `{code, message}`.
 */
export function failureFromConnectError(error: Error & { data?: unknown }): PodiumError {
  const data = error.data as Partial<PodiumError> | undefined;
  if (data && typeof data.code === 'string' && knownCodes.has(data.code)) {
    return { code: data.code, message: typeof data.message === 'string' ? data.message : error.message };
  }
  const code = knownCodes.has(error.message) ? (error.message as ErrorCode) : ErrorCodes.internal;
  return { code, message: error.message };
}
