import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { writeCsv } from '../../server/csv/csv';
import { neutralizedCell } from '../../shared/csv';

describe('CSV written by the server', () => {
  it('fields written and read back are the same (commas, quotes, line breaks, Persian, empty and missing cells)', () => {
    const fields = ['a,b', 'say "hi"', 'line\nbreak', '', 'ستاد', 'x'];
    expect(writeCsv([fields, ['1', null, undefined, 2]])).toBe('"a,b","say ""hi""","line\nbreak",,ستاد,x\r\n1,,,2\r\n');
    expect(parse(writeCsv([fields]))).toEqual([fields]);
  });

  it('[S24] a cell starting with =, +, -, @, tab or CR gets a leading single quote and is quoted (OWASP CSV injection)', () => {
    const hostile = ['=HYPERLINK("http://evil.example","x")', '+1+cmd|\' /C calc\'!A0', '-2+3', '@SUM(A1)', '\tTab', '\rCR'];
    const csv = writeCsv([hostile]);
    expect(csv).toBe(`"'=HYPERLINK(""http://evil.example"",""x"")","'+1+cmd|' /C calc'!A0","'-2+3","'@SUM(A1)","'\tTab","'\rCR"\r\n`);
    expect(parse(csv)).toEqual([hostile.map((cell) => `'${cell}`)]);
  });

  it('[S24] plain numbers and durations, negative or not, and text with such a character later, are kept as they are', () => {
    expect(writeCsv([[-3, '-3', '+98', '-00:00:01.500', 'a=b', 'x@y', 94.5]])).toBe('-3,-3,+98,-00:00:01.500,a=b,x@y,94.5\r\n');
    expect(neutralizedCell(null)).toBeNull();
  });
});
