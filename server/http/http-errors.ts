import type { Response } from 'express';
import { ErrorCodes, type ErrorCode, type PodiumError } from '../../shared/errors';

const statusByCode: Record<ErrorCode, number> = {
  [ErrorCodes.unauthorized]: 401,
  [ErrorCodes.forbidden]: 403,
  [ErrorCodes.forbiddenOrigin]: 403,
  [ErrorCodes.invalidCommand]: 400,
  [ErrorCodes.invalidMessage]: 400,
  [ErrorCodes.invalidCeremony]: 400,
  [ErrorCodes.invalidRunFile]: 400,
  [ErrorCodes.confirmationRequired]: 400,
  [ErrorCodes.definitionChanged]: 409,
  [ErrorCodes.alreadyRevealed]: 409,
  [ErrorCodes.unknownCeremony]: 404,
  [ErrorCodes.unknownRun]: 404,
  [ErrorCodes.unknownCue]: 404,
  [ErrorCodes.notFound]: 404,
  [ErrorCodes.cueMismatch]: 409,
  [ErrorCodes.onHold]: 409,
  [ErrorCodes.notOnHold]: 409,
  [ErrorCodes.alreadyOnHold]: 409,
  [ErrorCodes.noNextCue]: 409,
  [ErrorCodes.nothingToRetract]: 409,
  [ErrorCodes.notARevealCue]: 409,
  [ErrorCodes.alreadyDone]: 409,
  [ErrorCodes.resultsMissing]: 409,
  [ErrorCodes.conflict]: 409,
  [ErrorCodes.rateLimited]: 429,
  [ErrorCodes.tooManyScreens]: 429,
  [ErrorCodes.unsupportedMediaType]: 415,
  [ErrorCodes.broadcastDegraded]: 503,
  [ErrorCodes.invitationInvalid]: 410,
  [ErrorCodes.lastProducer]: 409,
  [ErrorCodes.nameTaken]: 409,
  [ErrorCodes.invalidName]: 400,
  [ErrorCodes.weakSecret]: 400,
  [ErrorCodes.internal]: 500,
  [ErrorCodes.secondKeyRequired]: 403,
  [ErrorCodes.secondPersonRequired]: 403,
  [ErrorCodes.approvalExpired]: 410,
  [ErrorCodes.approvalDecided]: 409,
};

/** The HTTP status of an error code. */
export function statusOf(code: ErrorCode): number {
  return statusByCode[code];
}

export function sendError(res: Response, error: PodiumError & { problems?: unknown }): void {
  res.status(statusByCode[error.code]).json({ error });
}
