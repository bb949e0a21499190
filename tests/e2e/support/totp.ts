import { generateTotpCode } from '@/lib/auth/totp';

export const TOTP_STEP_MS = 30_000;
// Lands safely inside the new step, not on its edge.
const STEP_MARGIN_MS = 250;

/** The code an authenticator app would show now (or at `now`, in ms) for a base32 secret. */
export function totpCode(secret: string, now: number = Date.now()): string {
  return generateTotpCode({ secret, now });
}

/**
 * Sleeps until the next 30-s step starts. The server accepts each step once (replay protection),
 * so a test that needs an unused code after an earlier login waits for the next step first.
 */
export async function waitForNextTotpStep(): Promise<void> {
  const untilNextStep = TOTP_STEP_MS - (Date.now() % TOTP_STEP_MS) + STEP_MARGIN_MS;
  await new Promise((resolve) => setTimeout(resolve, untilNextStep));
}

/** Waits for the next step, then returns its code: never a code the server has already accepted. */
export async function freshTotpCode(secret: string): Promise<string> {
  await waitForNextTotpStep();
  return totpCode(secret);
}

/**
 * A code for a demo user that the server has not accepted yet: reads the user's last accepted
 * step and waits for the next step only when the current one is used up (by this or another file).
 */
export async function unusedTotpCode(options: { tenantDomain: string; username: string; secret: string }): Promise<string> {
  const { e2eDb } = await import('./db');
  const { rows } = await e2eDb().query<{ last_step: string | null }>(
    `select u.two_factor_last_step as last_step from users u join tenants t on t.id = u.tenant_id
     where t.tenant_domain = $1 and lower(u.username) = lower($2)`,
    [options.tenantDomain, options.username],
  );
  const lastStep = rows[0]?.last_step === null || rows[0]?.last_step === undefined ? -1 : Number(rows[0].last_step);
  if (Math.floor(Date.now() / TOTP_STEP_MS) <= lastStep) await waitForNextTotpStep();
  return totpCode(options.secret);
}
