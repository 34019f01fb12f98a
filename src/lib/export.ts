/**
 * CSV and JSON export of a list as the user filtered it. Pure functions plus one that hands
 * the text to the browser as a download; no feature knowledge.
 */

export type CellValue = string | number | boolean | null | undefined;

export interface ExportColumn<T> {
  /** Column title in the file (translated by the caller). */
  header: string;
  value: (row: T) => CellValue;
}

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR) gets a leading quote
 * (OWASP's CSV-injection advice); plain numbers such as -1 stay as they are.
 */
function neutralise(text: string): string {
  if (/^[=+\-@\t\r]/.test(text) && !/^[-+]?\d+(\.\d+)?$/.test(text)) return `'${text}`;
  return text;
}

export function csvCell(value: CellValue): string {
  if (value === null || value === undefined) return '';
  const text = neutralise(String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 text: a header line, then one line per row, CRLF between lines. */
export function toCsv<T>(rows: readonly T[], columns: readonly ExportColumn<T>[]): string {
  const lines = [columns.map((column) => csvCell(column.header)).join(',')];
  for (const row of rows) lines.push(columns.map((column) => csvCell(column.value(row))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export function toJson(rows: readonly unknown[]): string {
  return `${JSON.stringify(rows, null, 2)}\n`;
}

/** `volumes-20260105-080000.csv`: the list's name and the local time of the export. */
export function exportFileName(base: string, extension: string, now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(
    now.getMinutes(),
  )}${pad(now.getSeconds())}`;
  return `${base}-${stamp}.${extension}`;
}

/** Saves text as a file through a temporary object URL (no server round trip). */
export function downloadText(fileName: string, text: string, mimeType: string): void {
  // a BOM lets spreadsheet programs read UTF-8 CSV (Chinese names) correctly
  const content = mimeType.startsWith('text/csv') ? `\ufeff${text}` : text;
  const url = URL.createObjectURL(new Blob([content], { type: mimeType }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.rel = 'noopener';
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  // give the browser a moment to start the download before the URL goes away
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
