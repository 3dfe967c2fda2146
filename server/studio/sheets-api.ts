import express, { Router } from 'express';
import { ErrorCodes, podiumError } from '../../shared/errors';
import { SheetKinds, type SheetKind } from '../../shared/sheet-import';
import type { OperatorAuth } from '../access/auth';
import { crewAccess } from '../http/http-access';
import { sendError } from '../http/http-errors';
import { csvTemplate, xlsxTemplate } from './sheet-templates';
import { CSV_TYPE, MAX_SHEET_BYTES, readSheetFileOffLoop, XLSX_TYPE, type SheetFileType } from './sheets';

export interface SheetsApiOptions {
  auth: OperatorAuth;
  now: () => number;
}

/** The studio's spreadsheets (S32), mounted at /api/studio: reading a file into tables, and the templates. */
export function createSheetsApi({ auth, now }: SheetsApiOptions): Router {
  const api = Router();
  const { need } = crewAccess(auth, now);

  /** Reads an .xlsx or .csv (the raw file as the body) into its tables of cells; what they mean is the studio's (shared/sheet-import.ts). */
  api.post('/sheets', need('results.edit'), express.raw({ type: [XLSX_TYPE, CSV_TYPE], limit: MAX_SHEET_BYTES }), async (req, res) => {
    const type: SheetFileType | null = req.is(XLSX_TYPE) ? XLSX_TYPE : req.is(CSV_TYPE) ? CSV_TYPE : null;
    if (!type) return sendError(res, podiumError(ErrorCodes.unsupportedMediaType, `Send the spreadsheet with Content-Type: ${XLSX_TYPE} (.xlsx) or ${CSV_TYPE} (.csv).`));
    if (!Buffer.isBuffer(req.body) || req.body.length === 0) return sendError(res, podiumError(ErrorCodes.invalidMessage, 'Send the spreadsheet file as the request body: it was empty.'));
    const read = await readSheetFileOffLoop(type, req.body);
    if (!read.ok) return sendError(res, podiumError(ErrorCodes.invalidMessage, read.message));
    res.type('application/json').send(read.json);
  });

  /** A template to fill in: results or categories, as .xlsx (with a help sheet) or .csv, in Persian or English. */
  api.get('/templates/:file', need('console.view'), async (req, res) => {
    const match = /^(results|categories)\.(xlsx|csv)$/.exec(String(req.params.file));
    if (!match || !(SheetKinds as readonly string[]).includes(match[1]!)) return sendError(res, podiumError(ErrorCodes.notFound, 'The templates are results.xlsx, results.csv, categories.xlsx and categories.csv.'));
    const kind = match[1] as SheetKind;
    const lang = req.query.lang === 'en' ? 'en' : 'fa';
    res.attachment(`podium-${kind}-${lang}.${match[2]}`);
    if (match[2] === 'csv') return res.type('text/csv; charset=utf-8').send(csvTemplate(kind));
    res.type(XLSX_TYPE).send(await xlsxTemplate(kind, lang));
  });

  return api;
}
