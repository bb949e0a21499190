import pino from 'pino';
import { currentRequestId } from './request-id';

// Keys whose values never reach a log line (SECURITY.md, audit and logs), at any depth we log.
const SECRET_KEYS = [
  'password',
  'newPassword',
  'passwordHash',
  'code',
  'recoveryCode',
  'token',
  'pendingLoginToken',
  'secret',
  'twoFactorSecret',
  'cookie',
  'authorization',
];

const redactPaths = SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

/** The portal's logger; tests pass a destination to read what would be written. */
export function createLogger(destination?: pino.DestinationStream): pino.Logger {
  const options: pino.LoggerOptions = {
    level: process.env.LOG_LEVEL ?? 'info',
    base: { service: 'mobile-security-portal' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: redactPaths, censor: '[redacted]' },
    // Every line written while a request is handled names it (the error page shows the same id).
    mixin: () => {
      const requestId = currentRequestId();
      return requestId ? { requestId } : {};
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

const globalForLogger = globalThis as unknown as { __mspLogger?: pino.Logger };

export const logger: pino.Logger = (globalForLogger.__mspLogger ??= createLogger());

/**
 * What of an error may be logged: its name, the first line of its message without any bound
 * query parameters (drizzle puts them into the message: password hashes, token hashes…), the
 * cause's message and a database error code. Never the stack of values, never the parameters.
 */
export function describeError(error: unknown): { name: string; message: string; cause?: string; code?: string } {
  if (!(error instanceof Error)) return { name: 'NonError', message: typeof error === 'string' ? error.split('\n')[0]!.slice(0, 300) : 'unknown' };
  const firstLine = (text: string) => text.split(/\nparams:|\n/)[0]!.slice(0, 300);
  const cause = error.cause instanceof Error ? firstLine(error.cause.message) : undefined;
  const code = typeof (error.cause as { code?: unknown } | undefined)?.code === 'string' ? (error.cause as { code: string }).code : undefined;
  return { name: error.name, message: firstLine(error.message), ...(cause ? { cause } : {}), ...(code ? { code } : {}) };
}
