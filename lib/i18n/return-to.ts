/**
 * Where a form may send the person back to: only a path on this site. Anything that a browser
 * could read as another origin (`//evil.test`, `/\evil.test`, `https://…`) or that carries control
 * characters falls back to `/`, so the locale switch cannot become an open redirect.
 */
export function safeReturnTo(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2048) return fallback;
  if (!value.startsWith('/') || value.startsWith('//')) return fallback;
  // Browsers treat a backslash like a slash in URLs, and strip tabs and newlines before parsing.
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return fallback;
  try {
    const base = 'http://portal.invalid';
    const url = new URL(value, base);
    if (url.origin !== base) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
