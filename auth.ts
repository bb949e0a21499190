import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { noteResellerPortalCallbackRefusal } from '@/app/login/reseller-portal/callback-refusals';
import { finishResellerPortalSignIn } from '@/app/login/reseller-portal/finish-reseller-portal-sign-in';
import { resellerPortalProvider } from '@/app/login/reseller-portal/reseller-portal-provider';
import { homePathOf } from '@/lib/access/permissions';
import { reportLoginCompletion } from '@/lib/auth/login-completion';
import { verifyTwoFactorStep, type TwoFactorStepError } from '@/lib/auth/verify-two-factor-step';
import { getEnv } from '@/lib/env';
import { describeResellerPortalCallbackFailure } from '@/lib/reseller-portal/describe-callback-failure';
import { resolveClientAddress } from '@/lib/http/client-address';
import { safeReturnTo } from '@/lib/http/return-to';
import { logger } from '@/lib/logging/logger';
import { getResellerPortalSettings, RESELLER_PORTAL_PROVIDER_ID } from '@/lib/reseller-portal-settings';

// Thin Auth.js wiring. Every decision lives in lib/: the credentials provider only turns a
// pending login (password already verified) plus a code into a session via verifyTwoFactorStep;
// the reseller portal's OpenID Connect provider (when configured) hands its ID token to
// lib/reseller-portal through the signIn callback, which creates the session row the same way.

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

export const { handlers, auth, signIn, signOut } = NextAuth((request) => {
  const env = getEnv();
  const resellerPortal = getResellerPortalSettings();
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
          reportLoginCompletion(homePathOf({ user: { role: result.role }, tenant: { kind: result.tenantKind, tenantDomain: result.tenantDomain } }));
          return { id: result.userId, sessionId: result.sessionId, sessionVersion: result.sessionVersion };
        },
      }),
      ...(resellerPortal ? [resellerPortalProvider(resellerPortal, env.PUBLIC_BASE_URL)] : []),
    ],
    callbacks: {
      // The reseller portal's callback: true only once lib/ created a session row (user.sessionId).
      signIn({ user, account }) {
        if (account?.provider !== RESELLER_PORTAL_PROVIDER_ID) return true;
        return finishResellerPortalSignIn({ user, idToken: account.id_token, headers: request?.headers });
      },
      // Where Auth.js sends the browser (the callback URL, the signIn callback's answer): a path on
      // this site only, and relative, so the browser stays on the host it came by.
      redirect: ({ url, baseUrl }) => safeReturnTo(url.startsWith(`${baseUrl}/`) ? url.slice(baseUrl.length) : url),
      // Claims are written only at sign-in; `session.update()` data is client input and ignored.
      // A sign-in without a session row of ours gets no cookie at all.
      jwt({ token, user, trigger }) {
        if (trigger === 'signIn' || trigger === 'signUp') {
          if (!user?.sessionId) return null;
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
      error: (error) => {
        // A stable reason, not error.name (the production build shortens class names).
        logger.warn({ authError: describeResellerPortalCallbackFailure(error) }, 'auth.js error');
        noteResellerPortalCallbackRefusal(request, error);
      },
      warn: (code) => logger.warn({ authWarning: code }, 'auth.js warning'),
      debug: () => undefined,
    },
  };
});
