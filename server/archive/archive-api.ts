import express, { type Request, type Response } from 'express';
import QRCode from 'qrcode';
import { asRunCsvTable, asRunRows } from '../../shared/as-run-log';
import { certificatesOf, type CertificatesExport } from '../../shared/certificates';
import { ErrorCodes, podiumError } from '../../shared/errors';
import { resultsCsvTable, resultsExport } from '../../shared/results-export';
import { RunKinds, toRunFile } from '../../shared/run-file';
import type { OperatorAuth } from '../access/auth';
import type { CeremonyRun } from '../live/ceremony-run';
import type { Ceremonies } from '../live/ceremonies';
import { writeCsv } from '../csv/csv';
import { baseUrl } from '../http/http-api';
import { crewAccess } from '../http/http-access';
import { sendError } from '../http/http-errors';

export interface ArchiveApiOptions {
  ceremonies: Ceremonies;
  auth: OperatorAuth;
  publicUrl: string | undefined;
  now: () => number;
}

/** A BOM, so that a spreadsheet opens the Persian text as UTF-8; parsers skip it. */
const BOM = '\uFEFF';

/** The link of a ceremony's public results page, which its QR code points at. */
export function resultsPageUrl(base: string, ceremonyId: string): string {
  return `${base}/results/${encodeURIComponent(ceremonyId)}`;
}

/**
 * The archive of the live run (docs/api.md#archive): results, as-run log, definition, run file.
 * Results come only from the run's state, which holds only what was revealed: an export never
 * holds an unrevealed result, whoever asks.
 */
export function createArchiveApi(options: ArchiveApiOptions): express.Router {
  const { ceremonies, auth } = options;
  const api = express.Router();
  const { need } = crewAccess(auth, options.now);

  const liveRun = async (req: Request, res: Response): Promise<CeremonyRun | null> => {
    const run = await ceremonies.live(String(req.params.id));
    if (!run) sendError(res, podiumError(ErrorCodes.unknownCeremony, `There is no ceremony "${String(req.params.id)}".`));
    else res.set('Cache-Control', 'no-store');
    return run;
  };
  const attachment = (res: Response, name: string, type: string, body: string) => res.type(type).attachment(name).send(body);

  api.get('/ceremonies/:id/results.json', async (req, res) => {
    const run = await liveRun(req, res);
    if (run) res.json(resultsExport(run.current));
  });

  api.get('/ceremonies/:id/results.csv', async (req, res) => {
    const run = await liveRun(req, res);
    if (run) attachment(res, `${run.current.ceremony.id}-results.csv`, 'text/csv; charset=utf-8', BOM + writeCsv(resultsCsvTable(resultsExport(run.current))));
  });

  api.get('/ceremonies/:id/results-qr.svg', async (req, res) => {
    if (!(await liveRun(req, res))) return;
    const svg = await QRCode.toString(resultsPageUrl(baseUrl(req, options.publicUrl), String(req.params.id)), { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
    res.type('image/svg+xml').send(svg);
  });

  api.get('/ceremonies/:id/certificates.json', need('results.see'), async (req, res) => {
    const run = await liveRun(req, res);
    if (!run) return;
    const archive = resultsExport(run.current);
    const theme = run.current.ceremony.theme;
    const body: CertificatesExport = { ceremonyId: archive.ceremonyId, status: archive.status, certificates: certificatesOf(archive), ...(theme ? { theme } : {}) };
    res.json(body);
  });

  api.get('/ceremonies/:id/as-run.csv', need('results.see'), async (req, res) => {
    const run = await liveRun(req, res);
    if (run) attachment(res, `${run.current.ceremony.id}-as-run.csv`, 'text/csv; charset=utf-8', BOM + writeCsv(asRunCsvTable(asRunRows(run.eventsAfter(0) ?? [], run.current.cues))));
  });

  api.get('/ceremonies/:id/definition.json', need('results.see'), async (req, res) => {
    const run = await liveRun(req, res);
    if (run) attachment(res, `${run.definition.id}.json`, 'application/json', JSON.stringify(run.definition, null, 2));
  });

  api.get('/ceremonies/:id/run.json', need('results.see'), async (req, res) => {
    const run = await liveRun(req, res);
    if (!run) return;
    const file = toRunFile({ ceremonyId: run.definition.id, runId: run.runId, kind: RunKinds.live, events: run.eventsAfter(0) ?? [] });
    attachment(res, `${run.definition.id}-run.json`, 'application/json', JSON.stringify(file));
  });

  return api;
}
