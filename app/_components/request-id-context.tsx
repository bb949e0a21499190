'use client';

import { createContext, useContext, useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';

/** The id of the request that rendered this document (X-Request-Id, from the root layout), and whether its first render is over. */
const RequestIdContext = createContext<{ requestId: string | undefined; hasRendered: RefObject<boolean> } | undefined>(undefined);

export function RequestIdProvider({ requestId, children }: { requestId: string | undefined; children: ReactNode }) {
  // Set once the document's first render is committed: an error shown after that belongs to a
  // later, client-side navigation, whose request is not the one the layout was rendered for.
  const hasRendered = useRef(false);
  useEffect(() => {
    hasRendered.current = true;
  }, []);
  return <RequestIdContext.Provider value={{ requestId, hasRendered }}>{children}</RequestIdContext.Provider>;
}

/**
 * The document's request id while the document itself is being rendered (on the server, or in the
 * browser's first render, which is where Next renders an error of the page's own request), else undefined.
 */
export function useDocumentRequestId(): string | undefined {
  const context = useContext(RequestIdContext);
  const [initial] = useState(() => (context && !context.hasRendered.current ? context.requestId : undefined));
  return initial;
}
