import type { Pool } from 'pg';

export const RESELLERS = 10;
export const CUSTOMERS_PER_RESELLER = 10_000;

/**
 * 10 resellers with 10,000 customers each (100,000 customers), one license per customer:
 * 90 % valid now, 5 % expired, 5 % revoked, so the validity filter has work to do.
 * Set-based inserts (generate_series), no per-row round trips.
 */
export async function seedSwitcherData(pool: Pool): Promise<{ resellerIds: string[] }> {
  const resellers = await pool.query<{ id: string }>(`
    INSERT INTO tenants (kind, tenant_domain, name)
    SELECT 'reseller', (900000 + r)::text || '.sms', 'Bench Reseller ' || r
    FROM generate_series(1, ${RESELLERS}) AS r
    RETURNING id`);
  const resellerIds = resellers.rows.map((row) => row.id);
  await pool.query(
    `
    WITH words AS (
      SELECT ARRAY['Alpha','Beta','Gamma','Delta','Nord','Süd','Ost','West','Rhein','Main','Elbe','Isar','Berg','Tal','Stadt','Land','Meyer','Schulz','Fischer','Weber'] AS first,
             ARRAY['Logistik','Retail','Bau','Medien','Pflege','Technik','Handel','Finanz','Energie','Software','Transport','Immobilien'] AS second,
             ARRAY['GmbH','AG','KG','GmbH & Co. KG','e.K.','UG'] AS legal
    )
    INSERT INTO tenants (kind, tenant_domain, name, reseller_id)
    SELECT 'customer',
           (100000 + g)::text || '.sms',
           first[1 + (g * 7) % 20] || ' ' || second[1 + (g * 13) % 12] || ' ' || g || ' ' || legal[1 + g % 6],
           ($1::uuid[])[1 + (g - 1) / ${CUSTOMERS_PER_RESELLER}]
    FROM generate_series(1, ${RESELLERS * CUSTOMERS_PER_RESELLER}) AS g, words`,
    [resellerIds],
  );
  await pool.query(`
    INSERT INTO licenses (tenant_id, reseller_tenant_id, type, device_count, valid_from, valid_until, revoked_at, license_key)
    SELECT t.id, t.reseller_id,
           (CASE WHEN n % 3 = 0 THEN 'mobile_security' ELSE 'mdm' END)::license_type,
           10 + n % 500,
           now() - interval '200 days',
           CASE WHEN n % 20 = 0 THEN now() - interval '1 day' ELSE now() + ((n % 700) + 1) * interval '1 day' END,
           CASE WHEN n % 20 = 1 THEN now() ELSE NULL END,
           'BENCH-' || t.id
    FROM (SELECT id, reseller_id, row_number() OVER (ORDER BY tenant_domain) AS n FROM tenants WHERE kind = 'customer') AS t`);
  await pool.query('ANALYZE tenants; ANALYZE licenses;');
  return { resellerIds };
}
