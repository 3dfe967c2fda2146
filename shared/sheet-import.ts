/**
 * Spreadsheets in the studio (S32): results, or whole categories with their nominees, from .xlsx or
 * .csv. The server reads a file into tables of cells (server/studio/sheets.ts); what the cells mean
 * is decided here, the same for the API and the studio.
 */

/** What a sheet holds: the results of categories that exist, or categories with their nominees. */
export type SheetKind = 'results' | 'categories';

/** One sheet of a workbook (a CSV file is one), its rows of cells as text; row 1 is the header. */
export interface SheetTable {
  name: string;
  rows: string[][];
}
