import 'server-only';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { findPendingLogin, type PendingLogin, type PendingLoginStep } from '@/lib/auth/pending-login';
import { PENDING_LOGIN_COOKIE } from './login-cookies';

// The pages and actions between password and session all start here: the browser's pending
// login, or back to the login page with "start again".

/** The token of this browser's pending login; without one the login starts again. */
export async function requirePendingLoginToken(): Promise<string> {
  const token = (await cookies()).get(PENDING_LOGIN_COOKIE)?.value;
  if (!token) redirect('/login?reason=expired');
  return token;
}

/** The live pending login, at one of the given steps; anything else starts the login again. */
export async function requirePendingLogin(...steps: PendingLoginStep[]): Promise<PendingLogin & { token: string }> {
  const token = await requirePendingLoginToken();
  const pending = await findPendingLogin(token);
  if (!pending || (steps.length > 0 && !steps.includes(pending.nextStep))) redirect('/login?reason=expired');
  return { ...pending, token };
}
