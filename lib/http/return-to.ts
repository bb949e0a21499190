// Where a form may send the person back to after the language switch or the login: only a path
// on this site (ASVS 3.7.2, open redirects). A browser resolves a Location header against the
// portal's address, so the check does the same and compares origins: first for what was sent,
// then again for what we would send back, since normalizing the path can itself produce a
// protocol-relative address (`/.//evil.test`, `/%2e//evil.test` and `/..//evil.test` all become
// `//evil.test`, another host).

// Any origin works for the comparison; it is never sent anywhere.
const BASE = 'http://portal.invalid';

function sameOriginPath(value: string): string | null {
  // Browsers treat a backslash like a slash and drop tabs and newlines before parsing.
  if (!value.startsWith('/') || /[\\\u0000-\u001f\u007f]/.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** `value` when it is a path on this site (normalized), else `fallback`. */
export function safeReturnTo(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2048) return fallback;
  const path = sameOriginPath(value);
  // The normalized path must survive the same check unchanged: `//evil.test` would not.
  if (path === null || path.startsWith('//') || sameOriginPath(path) !== path) return fallback;
  return path;
}

// The sign-in pages themselves are no place to return to after a login (it would start over).
const SIGN_IN_PATH = /^\/(?:login|logout|password-forgotten|reset-password|activate|report)(?:[/?#]|$)/;

/**
 * A deep link to open after the login (issue 9): a same-origin path (as safeReturnTo), not a
 * sign-in page; null for anything else, so absolute and protocol-relative targets are dropped.
 */
export function signInReturnPath(value: unknown): string | null {
  const path = safeReturnTo(value, '');
  return path && path !== '/' && !SIGN_IN_PATH.test(path) ? path : null;
}
