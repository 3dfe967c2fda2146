/** Every error a client can get, with a stable code. Messages are for people; codes are for code. */
export const ErrorCodes = {
  unauthorized: 'unauthorized',
  /** Signed in, but the role (or the API token's ceremony) does not allow it (S29). */
  forbidden: 'forbidden',
  forbiddenOrigin: 'forbidden_origin',
  invalidCommand: 'invalid_command',
  invalidMessage: 'invalid_message',
  invalidCeremony: 'invalid_ceremony',
  invalidRunFile: 'invalid_run_file',
  cueMismatch: 'cue_mismatch',
  onHold: 'on_hold',
  notOnHold: 'not_on_hold',
  alreadyOnHold: 'already_on_hold',
  noNextCue: 'no_next_cue',
  unknownCeremony: 'unknown_ceremony',
  unknownRun: 'unknown_run',
  unknownCue: 'unknown_cue',
  confirmationRequired: 'confirmation_required',
  /** GO was aimed at a definition version that has since been replaced (a results correction). */
  definitionChanged: 'definition_changed',
  /** A results correction names a category with a standing reveal: retract it first. */
  alreadyRevealed: 'already_revealed',
  nothingToRetract: 'nothing_to_retract',
  /** Arm was for a cue that is not the next reveal (only the next reveal can be armed). */
  notARevealCue: 'not_a_reveal_cue',
  /** Nothing to do: the announcement is already cleared, the overlay already on (or off) air, the reveal already armed. */
  alreadyDone: 'already_done',
  /** Sealing needs every reveal cue's result entered (S31). */
  resultsMissing: 'results_missing',
  conflict: 'conflict',
  rateLimited: 'rate_limited',
  /** A run has as many stage, overlay or delegate screens as it admits (rule S21). */
  tooManyScreens: 'too_many_screens',
  /** A request body of a type (or charset, or Content-Encoding) this endpoint does not take. */
  unsupportedMediaType: 'unsupported_media_type',
  /** A change was saved, but could not be broadcast to every process's screens (Redis down). */
  broadcastDegraded: 'broadcast_degraded',
  /** An invitation link that was used, has expired or never existed (one answer for the three). */
  invitationInvalid: 'invitation_invalid',
  /** The change would leave no enabled producer. */
  lastProducer: 'last_producer',
  /** Another person of the crew has that name (compared without case and Unicode form). */
  nameTaken: 'name_taken',
  /** A name that is empty, longer than 60 characters or holds control characters. */
  invalidName: 'invalid_name',
  /** A secret shorter than 10 characters (or longer than 200). */
  weakSecret: 'weak_secret',
  /** Two keys (S30): this action needs a second person's confirmation: ask for it (POST …/approvals). */
  secondKeyRequired: 'second_key_required',
  /** Two keys: the confirmer must be another person, on another session, than the one who asked. */
  secondPersonRequired: 'second_person_required',
  approvalExpired: 'approval_expired',
  /** The request was already confirmed or refused. */
  approvalDecided: 'approval_decided',
  notFound: 'not_found',
  internal: 'internal',
} as const;
export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

export interface PodiumError {
  code: ErrorCode;
  message: string;
  /** For cue_mismatch: the cue that is next now, so the console can show it. */
  nextCueId?: string | null;
  /** For results_missing: the categories with no result entered. */
  categoryIds?: string[];
}

export function podiumError(code: ErrorCode, message: string, extra: Omit<PodiumError, 'code' | 'message'> = {}): PodiumError {
  return { code, message, ...extra };
}
