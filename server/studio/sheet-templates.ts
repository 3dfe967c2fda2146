import ExcelJS from 'exceljs';
import { CATEGORY_COLUMNS, sheetColumns, type SheetKind } from '../../shared/sheet-import';
import type { Language } from '../../shared/text';
import { writeCsv } from '../csv/csv';

/**
 * The downloadable templates of the studio's spreadsheets (GET /api/studio/templates/:kind.:format).
 * The header row holds the canonical column ids in either language, so a Persian and an English
 * template import the same way; each column's name and meaning is in a note on its header cell and
 * on the second sheet ("help" / "راهنما").
 */
type Column = (typeof CATEGORY_COLUMNS)[number];
type Said = Record<Language, string>;

const HELP: Record<Column, { name: Said; meaning: Said }> = {
  category: {
    name: { fa: 'شناسهٔ بخش', en: 'Category id' },
    meaning: { fa: 'شناسهٔ بخش: حروف کوچک لاتین، رقم و خط تیره، مانند best-app. در برگهٔ نتایج، شناسهٔ بخشی که در مراسم هست.', en: 'The category id: lowercase letters, digits and dashes, e.g. best-app. On a results sheet, the id of a category of the ceremony.' },
  },
  kind: {
    name: { fa: 'نوع بخش', en: 'Kind' },
    meaning: { fa: 'ranked برای رتبه‌ها (اول، دوم، …) یا nominees برای برنده از میان نامزدها. در یک ردیف هر بخش کافی است.', en: 'ranked for places (1st, 2nd, …) or nominees for a winner among nominees. Once per category is enough.' },
  },
  title_fa: { name: { fa: 'عنوان (فارسی)', en: 'Title (Persian)' }, meaning: { fa: 'عنوان بخش به فارسی.', en: 'The category title in Persian.' } },
  title_en: { name: { fa: 'عنوان (انگلیسی)', en: 'Title (English)' }, meaning: { fa: 'عنوان بخش به انگلیسی.', en: 'The category title in English.' } },
  section_fa: { name: { fa: 'محور (فارسی)', en: 'Section (Persian)' }, meaning: { fa: 'محور جایزه، اختیاری.', en: 'The section of the award, optional.' } },
  section_en: { name: { fa: 'محور (انگلیسی)', en: 'Section (English)' }, meaning: { fa: 'محور جایزه به انگلیسی، اختیاری.', en: 'The section in English, optional.' } },
  field_fa: { name: { fa: 'رشته (فارسی)', en: 'Field (Persian)' }, meaning: { fa: 'رشته در آن محور، اختیاری.', en: 'The field within the section, optional.' } },
  field_en: { name: { fa: 'رشته (انگلیسی)', en: 'Field (English)' }, meaning: { fa: 'رشته به انگلیسی، اختیاری.', en: 'The field in English, optional.' } },
  prize_fa: { name: { fa: 'جایزه (فارسی)', en: 'Prize (Persian)' }, meaning: { fa: 'آنچه برندگان می‌گیرند، مانند لوح تقدیر؛ اختیاری.', en: 'What the recipients receive, e.g. a certificate; optional.' } },
  prize_en: { name: { fa: 'جایزه (انگلیسی)', en: 'Prize (English)' }, meaning: { fa: 'جایزه به انگلیسی، اختیاری.', en: 'The prize in English, optional.' } },
  place: { name: { fa: 'رتبه', en: 'Place' }, meaning: { fa: 'بخش رتبه‌ای: عدد صحیح ۱ یا بیشتر (رتبهٔ تکراری یعنی هم‌رتبه).', en: 'Ranked categories: a whole number ≥ 1 (the same place twice is a tie).' } },
  mention: { name: { fa: 'شایستهٔ تقدیر', en: 'Mention' }, meaning: { fa: 'yes یا بله برای تقدیر ویژه (آنگاه رتبه خوانده نمی‌شود).', en: 'yes for an honourable mention (then place is not read).' } },
  nominee: { name: { fa: 'شناسهٔ نامزد', en: 'Nominee id' }, meaning: { fa: 'بخش نامزدها: شناسهٔ نامزد (حروف کوچک لاتین، رقم و خط تیره).', en: 'Nominees categories: the nominee id (lowercase letters, digits and dashes).' } },
  winner: { name: { fa: 'برنده', en: 'Winner' }, meaning: { fa: 'بخش نامزدها: yes یا بله برای برنده (دو برنده یعنی هم‌رتبه).', en: 'Nominees categories: yes for a winner (two winners are a tie).' } },
  type: { name: { fa: 'نوع برگزیده', en: 'Type' }, meaning: { fa: 'organization (پیش‌فرض) یا person.', en: 'organization (the default) or person.' } },
  name_fa: { name: { fa: 'نام (فارسی)', en: 'Name (Persian)' }, meaning: { fa: 'نام برگزیده یا نامزد به فارسی (دست‌کم یکی از دو نام).', en: 'The name in Persian (at least one of the two names).' } },
  name_en: { name: { fa: 'نام (انگلیسی)', en: 'Name (English)' }, meaning: { fa: 'نام به انگلیسی.', en: 'The name in English.' } },
  entry_fa: { name: { fa: 'اثر (فارسی)', en: 'Entry (Persian)' }, meaning: { fa: 'آنچه برای آن برگزیده شده، مانند نام سامانه؛ اختیاری.', en: 'What it won for, e.g. a system or a film; optional.' } },
  entry_en: { name: { fa: 'اثر (انگلیسی)', en: 'Entry (English)' }, meaning: { fa: 'اثر به انگلیسی، اختیاری.', en: 'The entry in English, optional.' } },
  score: { name: { fa: 'امتیاز', en: 'Score' }, meaning: { fa: 'یک عدد، اختیاری.', en: 'A number, optional.' } },
};

/** The example rows: a ranked category with one place, a nominees category with its two nominees (one the winner). */
const EXAMPLES: Partial<Record<Column, string>>[] = [
  {
    category: 'example-ranked', kind: 'ranked', title_fa: 'بهترین سامانهٔ نمونه', title_en: 'Best example system', section_fa: 'بخش دولتی', section_en: 'Public section',
    prize_fa: 'لوح تقدیر', prize_en: 'A certificate', place: '1', type: 'organization', name_fa: 'سازمان نمونه', name_en: 'Example Organization', entry_fa: 'سامانهٔ نمونه', entry_en: 'The example system', score: '95',
  },
  { category: 'example-nominees', kind: 'nominees', title_fa: 'بهترین فیلم نمونه', title_en: 'Best example film', nominee: 'film-a', winner: 'yes', type: 'organization', name_fa: 'فیلم الف', name_en: 'Film A' },
  { category: 'example-nominees', nominee: 'film-b', type: 'organization', name_fa: 'فیلم ب', name_en: 'Film B' },
];

const SHEET_NAMES: Record<SheetKind | 'help', Said> = {
  results: { fa: 'نتایج', en: 'results' },
  categories: { fa: 'بخش‌ها', en: 'categories' },
  help: { fa: 'راهنما', en: 'help' },
};

const HELP_HEADER: Record<Language, string[]> = { fa: ['ستون', 'نام', 'توضیح', 'نمونه'], en: ['column', 'name', 'meaning', 'example'] };

function templateRows(kind: SheetKind): string[][] {
  const columns = sheetColumns(kind) as readonly Column[];
  return [[...columns], ...EXAMPLES.map((row) => columns.map((c) => row[c] ?? ''))];
}

/** The CSV template: the header and the examples (a BOM first, so that Excel opens the Persian as UTF-8). */
export function csvTemplate(kind: SheetKind): string {
  return `\uFEFF${writeCsv(templateRows(kind))}`;
}

/** The xlsx template: the sheet to fill in, then the help sheet, in `lang`. */
export async function xlsxTemplate(kind: SheetKind, lang: Language): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Podium';
  const rtl = lang === 'fa';
  const sheet = workbook.addWorksheet(SHEET_NAMES[kind][lang], { views: [{ rightToLeft: rtl, state: 'frozen', ySplit: 1 }] });
  const rows = templateRows(kind);
  sheet.addRows(rows);
  const columns = rows[0] as Column[];
  columns.forEach((column, i) => {
    const cell = sheet.getRow(1).getCell(i + 1);
    cell.note = `${HELP[column].name[lang]}: ${HELP[column].meaning[lang]}`;
    cell.font = { bold: true };
    sheet.getColumn(i + 1).width = Math.max(12, column.length + 4);
  });

  const help = workbook.addWorksheet(SHEET_NAMES.help[lang], { views: [{ rightToLeft: rtl }] });
  help.addRow(HELP_HEADER[lang]).font = { bold: true };
  for (const column of columns) help.addRow([column, HELP[column].name[lang], HELP[column].meaning[lang], EXAMPLES[0]![column] || EXAMPLES[1]![column] || '']);
  help.getColumn(1).width = 14;
  help.getColumn(2).width = 20;
  help.getColumn(3).width = 80;
  help.getColumn(4).width = 24;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
