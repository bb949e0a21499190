import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { verifyTwoFactorStep, type TwoFactorStepError } from '@/lib/auth/verify-two-factor-step';
import { getEnv } from '@/lib/env';
import { resolveClientAddress } from '@/lib/http/client-address';
import { logger } from '@/lib/logging/logger';

// Thin Auth.js wiring. Every decision lives in lib/: the credentials provider only turns a
// pending login (password already verified) plus a code into a session via verifyTwoFactorStep.

class LoginStepError extends CredentialsSignin {
  constructor(code: TwoFactorStepError) {
    super();
    this.code = code;
  }
}

const credentialsSchema = z.strictObject({
  pendingLoginToken: z.string().min(1).max(128),
  code: z.string().max(16).default(''),
  callbackUrl: z.string().max(2048).optional(),
});

declare module 'next-auth' {
  interface User {
    sessionId?: string;
    sessionVersion?: number;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const env = getEnv();
  return {
    // The first secret encrypts new session cookies; the others still open existing ones, so a
    // rotation of AUTH_SECRET ends no session (README, "Key rotation").
    secret: env.AUTH_SECRET ? [env.AUTH_SECRET, ...env.AUTH_DECRYPTION_SECRETS] : undefined,
    trustHost: true,
    session: { strategy: 'jwt', maxAge: env.SESSION_MAX_HOURS * 60 * 60 },
    pages: { signIn: '/login', error: '/login' },
    providers: [
      Credentials({
        credentials: { pendingLoginToken: {}, code: {} },
        async authorize(rawCredentials, request) {
          const parsed = credentialsSchema.safeParse(rawCredentials);
          if (!parsed.success) throw new LoginStepError('pending_login_expired');
          const result = await verifyTwoFactorStep({
            pendingLoginToken: parsed.data.pendingLoginToken,
            code: parsed.data.code,
            clientAddress: resolveClientAddress(request.headers),
            userAgent: request.headers.get('user-agent'),
          });
          if (!result.ok) throw new LoginStepError(result.code);
          return { id: result.userId, sessionId: result.sessionId, sessionVersion: result.sessionVersion };
        },
      }),
    ],
    callbacks: {
      // Claims are written only at sign-in; `session.update()` data is client input and ignored.
      jwt({ token, user, trigger }) {
        if (trigger === 'signIn' && user?.sessionId) {
          return { sub: user.id, sid: user.sessionId, sv: user.sessionVersion, authTime: Math.floor(Date.now() / 1000) };
        }
        return token;
      },
      // Only the ids the server re-checks in the database (app/_server/request-context.ts);
      // no user data or permissions, which would be stale the moment they change.
      session({ session, token }) {
        return { expires: session.expires, sid: token.sid, sv: token.sv } as unknown as typeof session;
      },
    },
    logger: {
      error: (error) => logger.warn({ authError: error.name }, 'auth.js error'),
      warn: (code) => logger.warn({ authWarning: code }, 'auth.js warning'),
      debug: () => undefined,
    },
  };
});
