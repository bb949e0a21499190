import { sql } from 'drizzle-orm';
import { closePasswordHashPool } from '@/lib/crypto/password-hash-pool';
import { MAX_PAGE_SIZE, type PageRequest } from '@/lib/pagination/keyset';
import { listUsers, type UserSort } from '@/lib/users/list-users';
import { listResellerCustomers, type CustomerSort } from '@/lib/customers/list-reseller-customers';
import { useTestDatabase } from '../support/test-database';
import { accessAs } from '../support/sessions';
import { tenantWorld } from '../support/world';

const { db } = useTestDatabase();
afterAll(() => closePasswordHashPool());

const BULK_USERS = 10_000;

/** Bulk insert in one statement: a hundred users share each creation time, so the id must break ties. */
async function insertUsers(tenantId: string, count: number) {
  await db().execute(sql`
    insert into users (tenant_id, username, email, role, created_at)
    select ${tenantId}, (case when n % 2 = 0 then 'User-' else 'user.' end) || lpad(n::text, 5, '0'), 'user' || n || '@example.test',
      (array['admin', 'helpdesk', 'auditor'])[1 + n % 3]::user_role, timestamptz '2026-01-01' + (n / 100) * interval '1 hour'
    from generate_series(1, ${count}) as n`);
}

async function pageThrough(access: Awaited<ReturnType<typeof accessAs>>, sort: UserSort, towards: 'after' | 'before', limit: number) {
  const ids: string[] = [];
  const sizes: number[] = [];
  let request: PageRequest = { cursor: null, towards: 'after', limit };
  if (towards === 'before') {
    // Start at the last page: page forward once to the end is what a person cannot do; the
    // reverse order's first page is the last page, reached by flipping the direction.
    const reversed: UserSort = { key: sort.key, direction: sort.direction === 'asc' ? 'desc' : 'asc' };
    const last = await listUsers(access, { sort: reversed, page: request });
    const cursorAfterLast = last.rows[0]!.id;
    request = { cursor: cursorAfterLast, towards: 'before', limit };
    ids.push(cursorAfterLast);
    sizes.push(1);
  }
  for (let pages = 0; pages < 1_000; pages += 1) {
    const page = await listUsers(access, { sort, page: request });
    sizes.push(page.rows.length);
    if (towards === 'after') {
      ids.push(...page.rows.map((row) => row.id));
      if (!page.nextCursor) return { ids, sizes, isFirstPage: page.isFirstPage };
      request = { cursor: page.nextCursor, towards: 'after', limit };
    } else {
      ids.unshift(...page.rows.map((row) => row.id));
      if (!page.previousCursor) return { ids, sizes, isFirstPage: page.isFirstPage };
      request = { cursor: page.previousCursor, towards: 'before', limit };
    }
  }
  throw new Error('the pager never ended');
}

describe('keyset pagination of lists', () => {
  test('an admin pages through 10,000 users of a tenant, forwards and backwards, in every order, each user exactly once', async () => {
    const { alpha, alphaAdmin, beta } = await tenantWorld();
    await insertUsers(alpha.id, BULK_USERS);
    await insertUsers(beta.id, 50);
    const access = await accessAs(alphaAdmin, alpha.tenantDomain);
    const [{ count }] = (await db().execute<{ count: number }>(sql`select count(*)::int as count from users where tenant_id = ${alpha.id}`)).rows as [{ count: number }];
    expect(count).toBe(BULK_USERS + 1);

    const forwards = await pageThrough(access, { key: 'username', direction: 'asc' }, 'after', MAX_PAGE_SIZE);
    // Every page is full but the last; no page is larger than asked for.
    expect(forwards.sizes.slice(0, -1).every((size) => size === MAX_PAGE_SIZE)).toBe(true);
    expect(forwards.sizes.at(-1)).toBe(count % MAX_PAGE_SIZE || MAX_PAGE_SIZE);
    expect(forwards.sizes).toHaveLength(Math.ceil(count / MAX_PAGE_SIZE));
    expect(new Set(forwards.ids).size).toBe(count);
    expect(forwards.ids).toHaveLength(count);

    const usernames = (await db().execute<{ id: string }>(sql`select id from users where tenant_id = ${alpha.id} order by lower(username), id`)).rows.map((row) => row.id);
    expect(forwards.ids).toEqual(usernames);

    // Many users share a creation time: the id keeps the order stable across page boundaries.
    const createdDescending = await pageThrough(access, { key: 'created', direction: 'desc' }, 'after', 137);
    expect(createdDescending.ids).toHaveLength(count);
    expect(new Set(createdDescending.ids).size).toBe(count);

    const byRoleBackwards = await pageThrough(access, { key: 'role', direction: 'asc' }, 'before', 150);
    expect(byRoleBackwards.isFirstPage).toBe(true);
    expect(byRoleBackwards.ids).toHaveLength(count);
    expect(new Set(byRoleBackwards.ids).size).toBe(count);
    const byRole = (await db().execute<{ id: string }>(sql`select id from users where tenant_id = ${alpha.id} order by role, lower(username), id`)).rows.map((row) => row.id);
    expect(byRoleBackwards.ids).toEqual(byRole);
  }, 120_000);

  test("a cursor naming another tenant's user, or no user at all, yields an empty page, whichever way", async () => {
    const { alpha, alphaAdmin, beta, betaAdmin } = await tenantWorld();
    await insertUsers(alpha.id, 30);
    const access = await accessAs(alphaAdmin, alpha.tenantDomain);
    for (const towards of ['after', 'before'] as const) {
      for (const cursor of [betaAdmin.id, '00000000-0000-4000-8000-000000000000']) {
        const page = await listUsers(access, { page: { cursor, towards, limit: 10 } });
        expect(page.rows).toEqual([]);
        expect(page).toMatchObject({ nextCursor: null, previousCursor: null, isFirstPage: false });
      }
    }
    // Beta's own admin with the same cursor sees Beta's users only.
    const own = await listUsers(await accessAs(betaAdmin, beta.tenantDomain), { page: { cursor: null, towards: 'after', limit: 10 } });
    expect(own.rows.map((row) => row.id)).toEqual([betaAdmin.id]);
  });

  test("a reseller pages through its customers by license end (ties and customers without license included); another reseller's customer as cursor yields nothing", async () => {
    const { reseller, resellerAdmin, foreign } = await tenantWorld();
    // Leading zeros: never a domain of the factories (100000 and up).
    await db().execute(sql`
      insert into tenants (kind, tenant_domain, name, reseller_id)
      select 'customer', '0' || lpad(n::text, 5, '0') || '.sms', 'Bulk ' || (n % 40), ${reseller.id} from generate_series(1, 300) as n`);
    await db().execute(sql`
      insert into licenses (tenant_id, reseller_tenant_id, type, device_count, valid_from, valid_until, license_key)
      select t.id, ${reseller.id}, 'mdm', 5, now() - interval '1 day', date_trunc('day', now()) + ((row_number() over (order by t.tenant_domain)) % 7) * interval '1 day' + interval '3 days', 'BULK-' || t.tenant_domain
      from tenants t where t.reseller_id = ${reseller.id} and t.tenant_domain like '0%' and substr(t.tenant_domain, 6, 1) in ('1', '3', '5', '7', '9')`);
    const access = await accessAs(resellerAdmin, reseller.tenantDomain);
    const sort: CustomerSort = { key: 'valid_until', direction: 'desc' };
    const ids: string[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 100; pages += 1) {
      const page = await listResellerCustomers(access, { sort, page: { cursor, towards: 'after', limit: 25 } });
      expect(page.customers.length).toBeLessThanOrEqual(25);
      ids.push(...page.customers.map((customer) => customer.id));
      if (!page.nextCursor) break;
      expect(page.customers).toHaveLength(25);
      cursor = page.nextCursor;
    }
    const expected = (
      await db().execute<{ id: string }>(sql`
        select t.id from tenants t left join licenses l on l.tenant_id = t.id and l.revoked_at is null
        where t.reseller_id = ${reseller.id} and t.kind = 'customer'
        group by t.id order by coalesce(max(l.valid_until), '-infinity') desc, t.name desc, t.id desc`)
    ).rows.map((row) => row.id);
    expect(expected.length).toBeGreaterThan(300);
    expect(ids).toEqual(expected);

    for (const towards of ['after', 'before'] as const) {
      const page = await listResellerCustomers(access, { sort, page: { cursor: foreign.id, towards, limit: 25 } });
      expect(page.customers).toEqual([]);
    }
  });
});
