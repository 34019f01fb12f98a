import { describe, expect, it } from 'vitest';
import { csvCell, exportFileName, toCsv, toJson } from './export';

describe('CSV export', () => {
  it('writes a header and one CRLF-ended line per row', () => {
    const rows = [
      { id: 'a', size: 10, ok: true },
      { id: 'b', size: null, ok: false },
    ];
    const csv = toCsv(rows, [
      { header: 'ID', value: (r) => r.id },
      { header: 'Size (GB)', value: (r) => r.size },
      { header: 'OK', value: (r) => r.ok },
    ]);
    expect(csv).toBe('ID,Size (GB),OK\r\na,10,true\r\nb,,false\r\n');
  });

  it('quotes commas, quotes and line breaks', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('中文名')).toBe('中文名');
  });

  it('defuses cells a spreadsheet would run as formulas, not negative numbers', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1+2')).toBe("'+1+2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-1)).toBe('-1');
    expect(csvCell('-1')).toBe('-1');
  });
});

describe('JSON export and file names', () => {
  it('writes the rows as indented JSON', () => {
    expect(toJson([{ a: 1 }])).toBe('[\n  {\n    "a": 1\n  }\n]\n');
  });
  it('stamps the file name with the local time', () => {
    expect(exportFileName('volumes', 'csv', new Date(2026, 0, 5, 8, 3, 9))).toBe('volumes-20260105-080309.csv');
  });
});
