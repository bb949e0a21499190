import { sql } from 'drizzle-orm';
import { tenants } from '@/db/schema';
import { useTestDatabase } from '../support/test-database';

const { db } = useTestDatabase();

describe('database schema', () => {
  test('rejects a tenant domain that is not six digits and .sms', async () => {
    await expect(
      db().insert(tenants).values({ kind: 'reseller', tenantDomain: '12345.sms', name: 'Broken' }),
    ).rejects.toThrow();
  });

  test('a customer tenant must name its reseller', async () => {
    await expect(
      db().insert(tenants).values({ kind: 'customer', tenantDomain: '999999.sms', name: 'Orphan' }),
    ).rejects.toThrow();
    const rows = await db().execute(sql`select count(*)::int as n from tenants`);
    expect(rows.rows[0]).toEqual({ n: 0 });
  });
});
