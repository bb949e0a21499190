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
