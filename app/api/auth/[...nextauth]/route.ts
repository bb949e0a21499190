import type { NextRequest } from 'next/server';
import { handlers } from '@/auth';
import { auditResellerPortalCallbackRefusal } from '@/app/login/reseller-portal/callback-refusals';

export const { POST } = handlers;

export async function GET(request: NextRequest): Promise<Response> {
  const response = await handlers.GET(request);
  await auditResellerPortalCallbackRefusal(request);
  return response;
}
