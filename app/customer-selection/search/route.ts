import { NextResponse, type NextRequest } from 'next/server';
import { getSession } from '@/app/_server/request-context';
import { canSelectCustomers } from '@/lib/access/permissions';
import { listSwitchableCustomers } from '@/lib/customer-selection/list-switchable-customers';
import { decodeCursor } from '@/lib/customer-selection/selection-cursor';
import { normalizeSearchTerm } from '@/lib/tenants/tenant-search';

// Read-only search of the customer selection (page and header menu). Only a reseller session gets
// results, and only its own customers with a valid license; everyone else gets a bare 404.
export async function GET(request: NextRequest) {
  const session = await getSession();
  if (!session || !canSelectCustomers(session)) {
    return NextResponse.json({ error: 'not_found' }, { status: 404, headers: { 'Cache-Control': 'no-store' } });
  }
  const params = request.nextUrl.searchParams;
  const page = await listSwitchableCustomers(session, {
    search: normalizeSearchTerm(params.get('q')),
    cursor: decodeCursor(params.get('cursor')),
  });
  return NextResponse.json(page, { headers: { 'Cache-Control': 'no-store' } });
}
