const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Ids in forms, addresses and cursors come from the client: anything that is not a UUID is an
 * unknown id, answered like any other, never a database error (PostgreSQL refuses to compare a
 * uuid column with malformed text).
 */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_PATTERN.test(value);
}
