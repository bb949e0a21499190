// npm run bench:exports — proves the CSV exports stream in constant memory: it exports 10,000 and
// 100,000 customers and audit events through the route handlers' own code (csvStream fed by the
// export batches), reading the stream as a slow client would, and prints the growth of heap and
// RSS over the start of each run. Constant memory: the 100,000-row growth is about the 10,000-row
// growth, while a buffered baseline (the whole CSV in one string) grows with the rows.
// It asserts nothing (no timed or machine-dependent test).
import { Pool } from 'pg';
import './outside-next.mjs';

const { migrateDatabase } = await import('../db/migrate');
const { prepareBenchDatabase } = await import('../bench/support/bench-database');
const { describeRuntime } = await import('../bench/support/runtime');

const SMALL = 10_000;
const LARGE = 100_000;
const MB = 1024 * 1024;

async function seed(pool: Pool, input: { domain: string; name: string; customers: number; firstCustomer: number }): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(`INSERT INTO tenants (kind, tenant_domain, name) VALUES ('reseller', $1, $2) RETURNING id`, [input.domain, input.name]);
  const resellerId = rows[0]!.id;
  // Every 50th name starts with "=": the export must neutralise it, at any size.
  await pool.query(
    `INSERT INTO tenants (kind, tenant_domain, name, contact_email, reseller_id)
     SELECT 'customer', ($2 + g)::text || '.sms',
            CASE WHEN g % 50 = 0 THEN '=HYPERLINK("http://evil.example","Customer ' || g || '")' ELSE 'Customer ' || g || ', Logistik GmbH' END,
            'it' || g || '@customer.example', $1
     FROM generate_series(1, $3::int) g`,
    [resellerId, input.firstCustomer, input.customers],
  );
  await pool.query(
    `INSERT INTO licenses (tenant_id, reseller_tenant_id, type, device_count, valid_from, valid_until, license_key)
     SELECT id, reseller_id, 'mdm', 25, now() - interval '10 days', now() + ((row_number() OVER ()) % 400 + 1) * interval '1 day', 'BENCH-' || id
     FROM tenants WHERE reseller_id = $1`,
    [resellerId],
  );
  await pool.query(
    `INSERT INTO audit_events (tenant_id, actor_tenant_id, actor_label, action, result, ip_address, user_agent, details, occurred_at)
     SELECT $1, $1, 'reseller.admin@' || $2, 'user.two_factor_reset', 'success', '203.0.113.' || (g % 250),
            'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36',
            jsonb_build_object('targetUsername', 'user' || g, 'targetUserId', gen_random_uuid()::text), now() - g * interval '1 second'
     FROM generate_series(1, $3::int) g`,
    [resellerId, input.domain, input.customers],
  );
  return resellerId;
}

type Sample = { rows: number; bytes: number; heapGrowthMb: number; rssGrowthMb: number; seconds: number };

/**
 * Reads the stream chunk by chunk (as the HTTP response would). Every 10th chunk it collects
 * garbage and samples the heap: the peak of these samples is the memory the export keeps alive,
 * which is what grows with the row count when an export is not streamed. RSS is sampled at
 * every chunk (it includes freed memory the allocator has not returned, so it is noisier).
 */
async function measure(stream: ReadableStream<Uint8Array>, buffer: boolean): Promise<Sample> {
  globalThis.gc?.();
  const start = process.memoryUsage();
  const began = performance.now();
  let peakLiveHeap = start.heapUsed;
  let peakRss = start.rss;
  let bytes = 0;
  let newlines = 0;
  let chunks = 0;
  const kept: string[] = [];
  const decoder = new TextDecoder();
  const reader = stream.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    const chunk = next.value;
    bytes += chunk.byteLength;
    chunks += 1;
    for (const byte of chunk) if (byte === 10) newlines += 1;
    // The buffered baseline holds the whole CSV, as a handler that builds the file before answering would.
    if (buffer) kept.push(decoder.decode(chunk, { stream: true }));
    if (chunks % 10 === 0 && globalThis.gc) {
      globalThis.gc();
      peakLiveHeap = Math.max(peakLiveHeap, process.memoryUsage().heapUsed);
    }
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    // Let the event loop breathe as a network socket would.
    await new Promise((resolve) => setImmediate(resolve));
  }
  globalThis.gc?.();
  peakLiveHeap = Math.max(peakLiveHeap, process.memoryUsage().heapUsed);
  if (kept.length > 0 && kept.join('').length === 0) console.log('(empty)');
  return {
    rows: newlines - 1,
    bytes,
    heapGrowthMb: (peakLiveHeap - start.heapUsed) / MB,
    rssGrowthMb: (peakRss - start.rss) / MB,
    seconds: (performance.now() - began) / 1000,
  };
}

const format = (label: string, sample: Sample) =>
  `${label.padEnd(44)} ${String(sample.rows).padStart(7)} rows ${(sample.bytes / MB).toFixed(1).padStart(6)} MB CSV   live heap +${sample.heapGrowthMb.toFixed(1).padStart(6)} MB   RSS +${sample.rssGrowthMb.toFixed(1).padStart(6)} MB   ${sample.seconds.toFixed(1)} s`;

console.log(`CSV export memory: ${describeRuntime()}${globalThis.gc ? '' : ' (run with NODE_OPTIONS=--expose-gc for steadier figures)'}`);
const { url, cleanup } = await prepareBenchDatabase('msp_bench_exports');
try {
  process.env.DATABASE_URL = url;
  await migrateDatabase(url);
  const pool = new Pool({ connectionString: url, max: 2 });
  const small = await seed(pool, { domain: '900001.sms', name: 'Small Reseller', customers: SMALL, firstCustomer: 100_000 });
  const large = await seed(pool, { domain: '900002.sms', name: 'Large Reseller', customers: LARGE, firstCustomer: 200_000 });
  await pool.query('ANALYZE');
  await pool.end();

  const { csvStream } = await import('../lib/exports/csv');
  const { exportResellerCustomers } = await import('../lib/customers/export-reseller-customers');
  const { exportAuditEvents } = await import('../lib/audit-log/export-audit-events');
  const { describeAuditEvent } = await import('../lib/audit-log/describe-audit-event');
  const { closeDb } = await import('../db/client');
  const { unstoredSession } = await import('../tests/support/sessions');
  const accessOf = (id: string, tenantDomain: string) => {
    const tenant = { id, tenantDomain, name: 'Bench Reseller', kind: 'reseller' as const };
    return { session: unstoredSession(tenant), actingTenant: tenant, isResellerActingForCustomer: false, actorLabel: `u@${tenantDomain}` };
  };
  const customers = (id: string, domain: string) =>
    csvStream({
      header: ['Customer', 'Tenant domain', 'Contact email', 'State', 'Devices', 'Valid until'],
      batches: exportResellerCustomers(accessOf(id, domain), { sort: { key: 'name', direction: 'asc' } }),
      toRow: (row) => [row.name, row.tenantDomain, row.contactEmail, row.state, row.deviceCount, row.validUntil],
    });
  const audit = (id: string, domain: string) =>
    csvStream({
      header: ['When', 'Event', 'Actor', 'Result', 'IP', 'User agent', 'Action'],
      // The sentence key and values stand in for the translation (the route formats them).
      batches: exportAuditEvents(accessOf(id, domain), {}),
      toRow: (event) => [event.occurredAt, JSON.stringify(describeAuditEvent(event).values), event.actorLabel, event.result, event.ipAddress, event.userAgent, event.action],
    });

  const results: Array<[string, Sample]> = [];
  for (const [label, make] of [
    ['customers, streamed, 10,000', () => customers(small, '900001.sms')],
    ['customers, streamed, 100,000', () => customers(large, '900002.sms')],
    ['audit log, streamed, 10,000', () => audit(small, '900001.sms')],
    ['audit log, streamed, 100,000', () => audit(large, '900002.sms')],
  ] as const) {
    results.push([label, await measure(make(), false)]);
  }
  results.push(['baseline: customers buffered whole, 100,000', await measure(customers(large, '900002.sms'), true)]);
  for (const [label, sample] of results) console.log(format(label, sample));
  const growth = (label: string) => results.find(([name]) => name === label)![1].heapGrowthMb;
  console.log(
    `heap growth 100,000 / 10,000 rows: customers ${(growth('customers, streamed, 100,000') / Math.max(growth('customers, streamed, 10,000'), 0.1)).toFixed(2)}, ` +
      `audit log ${(growth('audit log, streamed, 100,000') / Math.max(growth('audit log, streamed, 10,000'), 0.1)).toFixed(2)}; ` +
      `buffered baseline / streamed at 100,000 customers: ${(growth('baseline: customers buffered whole, 100,000') / Math.max(growth('customers, streamed, 100,000'), 0.1)).toFixed(1)}`,
  );
  await closeDb();
} finally {
  await cleanup();
}
