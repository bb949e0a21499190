// The customer selection's keyset cursor, shared by its data function, its page, its route
// handler and the benchmark.

import { isUuid } from '@/lib/uuid';

export type SelectionCursor = { name: string; id: string };

/** The last row of a page, (name, id), as an opaque URL-safe string. */
export function encodeCursor(cursor: SelectionCursor): string {
  return Buffer.from(JSON.stringify([cursor.name, cursor.id]), 'utf8').toString('base64url');
}

/** A cursor from the client is untrusted input: anything malformed means "first page". */
export function decodeCursor(value: unknown): SelectionCursor | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > 1024) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== 2) return null;
    const [name, id] = parsed as unknown[];
    if (typeof name !== 'string' || !isUuid(id)) return null;
    return { name, id };
  } catch {
    return null;
  }
}
