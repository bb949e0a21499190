'use client';

import { useDocumentRequestId } from './request-id-context';

/** The element that shows the reference. */
export const REQUEST_REFERENCE_ELEMENT_ID = 'request-reference';

function digestOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('digest' in error)) return undefined;
  return typeof error.digest === 'string' ? error.digest : undefined;
}

/**
 * What a person quotes to support. When the page's own request failed, its request id (the
 * X-Request-Id on every log line of that request). When a later client-side navigation failed,
 * Next's digest of the server error, which the server logged together with that request's id
 * (instrumentation.ts, `request.error`).
 */
export function useRequestReference(error: unknown): string | undefined {
  return useDocumentRequestId() ?? digestOf(error);
}
