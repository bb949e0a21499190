// npm run bench:switcher — prints p50/p95 of the switcher search through the page's data
// function and as raw SQL, their ratio, and EXPLAIN plans. It asserts nothing (no timed tests).
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import './outside-next.mjs';

const { migrateDatabase } = await import('../db/migrate');
const { prepareBenchDatabase } = await import('../bench/support/bench-database');
const { seedSwitcherData, CUSTOMERS_PER_RESELLER, RESELLERS } = await import('../bench/seed-switcher-data');
const { describeRuntime } = await import('../bench/support/runtime');

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 300);
const TERMS = ['', 'alpha', 'logistik', 'gmbh', 'rhein bau', '4711', '12345', 'süd', 'weber tech', 'e.k.', 'zzz', '100', 'main medien 3', 'co. kg', 'isar'];

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const RAW_PAGE_SQL = `
  SELECT t.id, t.name, t.tenant_domain FROM tenants t
  WHERE t.reseller_id = $1 AND t.kind = 'customer'
    AND EXISTS (SELECT 1 FROM licenses l WHERE l.tenant_id = t.id AND l.revoked_at IS NULL AND l.valid_from <= now() AND l.valid_until > now())
    AND ($2::text IS NULL OR lower(t.name || ' ' || t.tenant_domain) LIKE $2)
    AND ($3::text IS NULL OR (t.name, t.id) > ($3, $4::uuid))
  ORDER BY t.name, t.id LIMIT 26`;
const RAW_BADGES_SQL = `
  SELECT tenant_id, type, valid_until FROM licenses
  WHERE tenant_id = ANY($1::uuid[]) AND revoked_at IS NULL AND valid_from <= now() AND valid_until > now()`;

console.log(`Switcher search: ${describeRuntime()}`);
const { url, cleanup } = await prepareBenchDatabase('msp_bench');
try {
  process.env.DATABASE_URL = url;
  await migrateDatabase(url);
  const pool = new Pool({ connectionString: url, max: 2 });
  const seedStart = performance.now();
  const { resellerIds } = await seedSwitcherData(pool);
  console.log(`Seeded ${RESELLERS} resellers × ${CUSTOMERS_PER_RESELLER} customers (one license each) in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

  const { listSwitchableCustomers } = await import('../lib/customer-selection/list-switchable-customers');
  const { decodeCursor } = await import('../lib/customer-selection/selection-cursor');
  const { tenantSearchPattern } = await import('../lib/tenants/tenant-search');
  const { closeDb } = await import('../db/client');
  const { unstoredSession } = await import('../tests/support/sessions');
  const resellerTenantId = resellerIds[0]!;
  // The customer selection belongs to a reseller's session; only its tenant and role are read.
  const session = unstoredSession({ id: resellerTenantId, tenantDomain: '100000.sms', name: 'Bench Reseller', kind: 'reseller' });

  const viaFunction: number[] = [];
  const viaRaw: number[] = [];
  let secondPages = 0;
  for (let index = 0; index < ITERATIONS; index += 1) {
    const term = TERMS[index % TERMS.length]!;
    const first = await listSwitchableCustomers(session, { search: term });
    // Every other query measures a later keyset page (page 2) of the same search.
    const cursor = index % 2 === 1 && first.nextCursor ? decodeCursor(first.nextCursor) : null;
    if (cursor) secondPages += 1;

    let start = performance.now();
    await listSwitchableCustomers(session, { search: term, cursor });
    viaFunction.push(performance.now() - start);

    start = performance.now();
    const pattern = term ? tenantSearchPattern(term) : null;
    const page = await pool.query<{ id: string }>(RAW_PAGE_SQL, [resellerTenantId, pattern, cursor?.name ?? null, cursor?.id ?? null]);
    await pool.query(RAW_BADGES_SQL, [page.rows.slice(0, 25).map((row) => row.id)]);
    viaRaw.push(performance.now() - start);
  }

  const row = (label: string, samples: number[]) => `${label.padEnd(34)} p50 ${percentile(samples, 50).toFixed(2).padStart(7)} ms   p95 ${percentile(samples, 95).toFixed(2).padStart(7)} ms`;
  console.log(`\n${ITERATIONS} searches (${TERMS.length} terms, ${secondPages} of them a later keyset page), reseller with ${CUSTOMERS_PER_RESELLER} customers:`);
  console.log(row('listSwitchableCustomers (page)', viaFunction));
  console.log(row('raw SQL, same query (pg)', viaRaw));
  console.log(`ratio function/raw: p50 ${(percentile(viaFunction, 50) / percentile(viaRaw, 50)).toFixed(2)}×, p95 ${(percentile(viaFunction, 95) / percentile(viaRaw, 95)).toFixed(2)}×`);

  for (const term of ['4711', 'weber tech']) {
    const plan = await pool.query(`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ${RAW_PAGE_SQL}`, [resellerTenantId, tenantSearchPattern(term), null, null]);
    const lines = plan.rows.map((r: Record<string, string>) => String(r['QUERY PLAN']));
    console.log(`\nEXPLAIN search '${term}' (trigram index used: ${lines.some((l) => l.includes('trgm')) ? 'yes' : 'no'}):\n  ${lines.join('\n  ')}`);
  }
  await pool.end();
  await closeDb();
} finally {
  await cleanup();
}
