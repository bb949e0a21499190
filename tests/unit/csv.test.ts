import { CSV_BOM, csvField, csvFilename, csvResponseHeaders, csvRow, csvStream, neutraliseFormula } from '@/lib/exports/csv';

/** The stream's text with its byte order mark kept (Response.text() would drop it). */
async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

describe('CSV export helpers', () => {
  it.each(['=SUM(A1:A9)', '+49 30 1234', '-2+3', '@cmd', '\t=1', '\r=1', '=HYPERLINK("http://evil.example","x")'])(
    'neutralises %j with a leading apostrophe',
    (cell) => {
      expect(neutraliseFormula(cell)).toBe(`'${cell}`);
    },
  );

  it.each(['Alpha Logistik GmbH', '123456.sms', 'a=b', 'x-y', '', "'already"])('leaves %j as it is', (cell) => {
    expect(neutraliseFormula(cell)).toBe(cell);
  });

  it('quotes by RFC 4180: comma, quote and line breaks in double quotes, quotes doubled', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('plain')).toBe('plain');
    expect(csvField(null)).toBe('');
    expect(csvField(42)).toBe('42');
    expect(csvField(-1)).toBe('-1');
  });

  it('neutralises before quoting, so a quoted formula stays text', () => {
    expect(csvField('=1+2,3')).toBe(`"'=1+2,3"`);
    expect(csvField('=A1&"x"')).toBe(`"'=A1&""x"""`);
  });

  it('ends every record with CRLF', () => {
    expect(csvRow(['a', 'b c', null])).toBe('a,b c,\r\n');
  });

  it('builds a safe ASCII filename whatever the parts hold', () => {
    const date = new Date('2026-11-26T10:00:00Z');
    expect(csvFilename(['customers', '100001.sms'], date)).toBe('customers-100001.sms-2026-11-26.csv');
    expect(csvFilename(['audit', '"; filename=evil.exe\r\nX: y'], date)).toBe('audit-filename-evil.exe-X-y-2026-11-26.csv');
    expect(csvFilename(['../../etc/passwd'], date)).toBe('etc-passwd-2026-11-26.csv');
  });

  it('answers as an uncached UTF-8 CSV attachment', () => {
    expect(csvResponseHeaders('x.csv')).toEqual(
      expect.objectContaining({ 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="x.csv"', 'Cache-Control': 'no-store' }),
    );
  });

  it('streams BOM, header and every batch in order', async () => {
    async function* batches() {
      yield [{ name: 'Ärger GmbH' }, { name: '=evil()' }];
      yield [{ name: 'c, d' }];
    }
    const text = await readAll(csvStream({ header: ['Name'], batches: batches(), toRow: (row) => [row.name] }));
    expect(text.startsWith(CSV_BOM)).toBe(true);
    expect(text.slice(1)).toBe('Name\r\nÄrger GmbH\r\n\'=evil()\r\n"c, d"\r\n');
  });

  it('reads the next batch only when the reader asks for it, and ends the source when cancelled', async () => {
    let produced = 0;
    let finished = false;
    async function* batches() {
      try {
        for (;;) {
          produced += 1;
          yield [{ n: produced }];
        }
      } finally {
        finished = true;
      }
    }
    const reader = csvStream({ header: ['n'], batches: batches(), toRow: (row) => [row.n] }).getReader();
    await reader.read();
    await reader.read();
    await reader.read();
    expect(produced).toBeLessThanOrEqual(3);
    await reader.cancel();
    expect(finished).toBe(true);
  });
});
