// CSV for spreadsheets: RFC 4180 (CRLF rows, fields with comma, quote or line break in double
// quotes, quotes doubled), a UTF-8 byte order mark so spreadsheet programs read umlauts right,
// and no formula injection (OWASP "CSV Injection"): a cell a spreadsheet would evaluate gets a
// leading apostrophe, which shows the text as typed.

export type CsvValue = string | number | boolean | null | undefined;

/** U+FEFF, first in the file: Excel otherwise guesses a legacy code page. */
export const CSV_BOM = '\uFEFF';

// `=`, `+`, `-`, `@` start formulas; tab and carriage return are stripped by some programs before
// they look at the cell, so a cell starting with them is neutralised too.
const FORMULA_START = /^[=+\-@\t\r]/;

/** The cell's text, with a leading apostrophe when a spreadsheet would read it as a formula. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One field: neutralised (strings only: our numbers are counts, never formulas), quoted when needed. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? neutraliseFormula(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, ending in CRLF. */
export function csvRow(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/** `customers-100001.sms-2026-11-26.csv`: ASCII letters, digits, dot, dash only, so no header can be bent. */
export function csvFilename(parts: readonly string[], date: Date): string {
  const safe = [...parts, date.toISOString().slice(0, 10)]
    .map((part) => part.replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^[.-]+|[.-]+$/g, ''))
    .filter(Boolean)
    .join('-');
  return `${safe || 'export'}.csv`;
}

/** The response headers of a CSV download. */
export function csvResponseHeaders(filename: string): Record<string, string> {
  return {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${filename}"`,
    // Exports hold tenant data: never kept by a browser or proxy cache.
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  };
}

/**
 * A byte stream of BOM, header row and the rows of each batch, pulled one batch at a time: the
 * next batch is read only when the client has taken the last one, so memory stays constant
 * however many rows there are. Cancelling the download ends the iterator (and its query).
 */
export function csvStream<T>(input: { header: readonly string[]; batches: AsyncIterable<readonly T[]>; toRow: (item: T) => readonly CsvValue[] }): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = input.batches[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode(CSV_BOM + csvRow(input.header)));
      },
      async pull(controller) {
        const next = await iterator.next();
        if (next.done) {
          controller.close();
          return;
        }
        controller.enqueue(encoder.encode(next.value.map((item) => csvRow(input.toRow(item))).join('')));
      },
      async cancel() {
        await iterator.return?.();
      },
    },
    { highWaterMark: 1 },
  );
}
