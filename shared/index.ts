export { CEREMONY_SCHEMA_VERSION, CeremonySchema } from './ceremony';
export type { Category, CeremonyDefinition, Recipient, Segment } from './ceremony';
export { CommandSchema } from './commands';
export type { Command, CommandType } from './commands';
export { buildCues, CueKinds, entriesForSlot, placeCount, publicNominees, revealPlaces, toPublicCeremony } from './cues';
export type { Cue, CueKind, PublicCategory, PublicCeremony, PublicNominee, RevealedEntry, RevealSlot } from './cues';
export { decide } from './decide';
export type { Decision } from './decide';
export { ErrorCodes, podiumError } from './errors';
export type { ErrorCode, PodiumError } from './errors';
export { EventTypes, toPublicEvent } from './events';
export type { CeremonyEvent, EventBody, EventMeta, EventType, PublicEvent } from './events';
export { formatCeremonyDate, formatClock, localDigits, ordinal, placeLabel } from './format';
export { AUDIT_LOG_LENGTH, projectOperator, projectPublic, revealPreviews } from './projection';
export type { OperatorView } from './projection';
export type {
  CommandResult,
  OperatorAuth,
  OperatorToServerEvents,
  ScreenAuth,
  ScreenCounts,
  ScreenToServerEvents,
  ServerToOperatorEvents,
  ServerToScreenEvents,
} from './protocol';
export { Roles, ScreenRoles } from './roles';
export type { Role, ScreenRole } from './roles';
export { currentCue, evolve, foldEvents, initialState, nextCue } from './state';
export type { Announcement, CeremonyState, Correction, RevealedResult } from './state';
export { pickText, textValues } from './text';
export type { Language, Text } from './text';
export { formatPath, formatProblems, parseCeremony } from './validation';
export type { ParseResult, Problem } from './validation';
export { categoryResults, cueStatus } from './results-view';
export type { CategoryResults, CueStatus, PlacedRecipient } from './results-view';
export { neutralizedCell, type CsvCell, type CsvRow, type CsvTable } from './csv';
export { importResultsRows, RESULT_COLUMNS } from './csv-import';
export { asRunCsvTable, asRunRows, AS_RUN_CSV_COLUMNS } from './as-run-log';
export type { AsRunRow } from './as-run-log';
export { formatElapsed, jalaliIsoDate } from './calendar';
export { certificatesOf } from './certificates';
export type { Certificate, CertificatesExport } from './certificates';
export { RESULTS_CSV_COLUMNS, resultsCsvTable, resultsExport, runStatus } from './results-export';
export type { ExportedCategory, ExportedResult, ResultsExport } from './results-export';
export { parseRunFile, RUN_FILE_FORMAT, RUN_FILE_SCHEMA_VERSION, RunKinds, toRunFile } from './run-file';
export type { RunFile, RunFileResult, RunKind } from './run-file';
export { realRecipientTexts, withStandIns } from './stand-ins';
